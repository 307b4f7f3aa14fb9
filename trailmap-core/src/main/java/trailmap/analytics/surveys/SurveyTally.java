package trailmap.analytics.surveys;

import java.util.Arrays;
import trailmap.analytics.stats.Interval;

/**
 * How many answers of one survey kind gave each score: a histogram that adds across partitions,
 * from which the figure and its interval follow. Immutable.
 */
public final class SurveyTally {
  private final SurveyKind kind;
  private final long[] counts;

  private SurveyTally(SurveyKind kind, long[] counts) {
    this.kind = kind;
    this.counts = counts;
  }

  /** No answers yet. */
  public static SurveyTally empty(SurveyKind kind) {
    return new SurveyTally(kind, new long[kind.max() - kind.min() + 1]);
  }

  /** From counts per score, {@code counts[score - kind.min()]}; the array is copied. */
  public static SurveyTally of(SurveyKind kind, long[] counts) {
    if (counts.length != kind.max() - kind.min() + 1) {
      throw new IllegalArgumentException(
          "%s counts need %d scores (%d to %d), were %d"
              .formatted(
                  kind.wireName(),
                  kind.max() - kind.min() + 1,
                  kind.min(),
                  kind.max(),
                  counts.length));
    }
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("a score count must not be negative, was " + c);
      }
    }
    return new SurveyTally(kind, counts.clone());
  }

  public SurveyKind kind() {
    return kind;
  }

  /** The number of answers. */
  public long n() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** How many answers gave {@code score}; 0 outside the scale. */
  public long count(int score) {
    return kind.accepts(score) ? counts[score - kind.min()] : 0;
  }

  /** How many answers were a bad experience ({@link SurveyKind#unhappy}). */
  public long unhappy() {
    long n = 0;
    for (int s = kind.min(); s <= kind.max(); s++) {
      n += kind.unhappy(s) ? count(s) : 0;
    }
    return n;
  }

  /** The figure (NPS points, CSAT share or CES mean) with its 95% interval; NaN when n is 0. */
  public Interval interval() {
    return kind.interval(counts);
  }

  /** Both tallies' answers; the kinds must agree. */
  public SurveyTally merge(SurveyTally other) {
    if (other.kind != kind) {
      throw new IllegalArgumentException(
          "cannot add %s answers to %s answers".formatted(other.kind, kind));
    }
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.counts[i];
    }
    return new SurveyTally(kind, sum);
  }

  /** The same tally with one more answer of {@code score}. */
  SurveyTally plus(int score) {
    long[] sum = counts.clone();
    sum[score - kind.min()]++;
    return new SurveyTally(kind, sum);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SurveyTally that
        && that.kind == kind
        && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return kind.wireName() + Arrays.toString(counts);
  }
}
