package trailmap.analytics.surveys;

/**
 * Survey events that were not counted, by reason; none is folded into a score.
 *
 * @param outOfRange a number outside the kind's scale or not a whole number (e.g. an NPS of 11)
 * @param notANumber a score that is neither a number nor text of a whole number
 * @param missingScore no score property
 * @param unknownSurvey a survey property missing or not nps, csat or ces
 */
public record Rejected(long outOfRange, long notANumber, long missingScore, long unknownSurvey) {
  public static final Rejected NONE = new Rejected(0, 0, 0, 0);

  public Rejected {
    if (outOfRange < 0 || notANumber < 0 || missingScore < 0 || unknownSurvey < 0) {
      throw new IllegalArgumentException("rejected counts must not be negative");
    }
  }

  public long total() {
    return outOfRange + notANumber + missingScore + unknownSurvey;
  }

  public Rejected merge(Rejected other) {
    return new Rejected(
        outOfRange + other.outOfRange,
        notANumber + other.notANumber,
        missingScore + other.missingScore,
        unknownSurvey + other.unknownSurvey);
  }
}
