package trailmap.analytics.surveys;

import java.util.Comparator;
import java.util.Optional;

/**
 * Free-text feedback given with a survey answer, kept beside its score.
 *
 * @param micros when it was answered
 * @param touchpoint the touchpoint the answer is attached to, if any
 */
public record SurveyComment(
    String profileId,
    long micros,
    SurveyKind kind,
    int score,
    String text,
    Optional<String> touchpoint) {

  /** Most recent first; ties by profile id, then kind, score and text, so merges are stable. */
  public static final Comparator<SurveyComment> MOST_RECENT_FIRST =
      Comparator.comparingLong(SurveyComment::micros)
          .reversed()
          .thenComparing(SurveyComment::profileId)
          .thenComparing(SurveyComment::kind)
          .thenComparingInt(SurveyComment::score)
          .thenComparing(SurveyComment::text);

  public SurveyComment {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a survey comment must have text");
    }
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
  }

  static SurveyComment of(SurveyResponse response) {
    return new SurveyComment(
        response.profileId(),
        response.micros(),
        response.kind(),
        response.score(),
        response.comment().orElseThrow(),
        response.touchpoint());
  }
}
