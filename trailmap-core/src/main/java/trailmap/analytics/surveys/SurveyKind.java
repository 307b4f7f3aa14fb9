package trailmap.analytics.surveys;

import java.util.Locale;
import java.util.Optional;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.stats.SurveyIntervals;

/**
 * The three survey scales, each with its whole-number range, the figure it reports and which way is
 * better.
 */
public enum SurveyKind {
  /** Net Promoter Score: 0–10; the figure is % promoters (9–10) − % detractors (0–6), −100..100. */
  NPS(0, 10, "higher"),
  /** Customer satisfaction: 1–5; the figure is the share of satisfied answers (4–5), 0..1. */
  CSAT(1, 5, "higher"),
  /** Customer Effort Score: 1–7; the figure is the mean; lower effort is better. */
  CES(1, 7, "lower");

  private final int min;
  private final int max;
  private final String better;

  SurveyKind(int min, int max, String better) {
    this.min = min;
    this.max = max;
    this.better = better;
  }

  /** The lowest valid answer, inclusive. */
  public int min() {
    return min;
  }

  /** The highest valid answer, inclusive. */
  public int max() {
    return max;
  }

  /** {@code higher} or {@code lower}: which way the figure improves. */
  public String better() {
    return better;
  }

  /** The name in events and queries: {@code nps}, {@code csat} or {@code ces}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind this survey name stands for, ignoring case. */
  public static Optional<SurveyKind> fromWireName(String name) {
    for (SurveyKind kind : values()) {
      if (kind.wireName().equalsIgnoreCase(name.strip())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code score} is an answer on this scale. */
  public boolean accepts(int score) {
    return score >= min && score <= max;
  }

  /**
   * Whether an answer is a bad experience: a detractor (0–6) for NPS, dissatisfied or neutral (1–3)
   * for CSAT, high effort (5–7) for CES.
   */
  public boolean unhappy(int score) {
    return switch (this) {
      case NPS -> score <= 6;
      case CSAT -> score <= 3;
      case CES -> score >= 5;
    };
  }

  /** The scale in words, as every answer states it. */
  public String scale() {
    return switch (this) {
      case NPS ->
          "0-10; NPS = % promoters (9-10) - % detractors (0-6), from -100 to 100; higher is better";
      case CSAT -> "1-5; CSAT = share of satisfied answers (4 or 5), from 0 to 1; higher is better";
      case CES -> "1-7; CES = mean answer, from 1 to 7; lower effort is better";
    };
  }

  /** The figure and its 95% interval for answers counted per score ({@code counts[score-min]}). */
  Interval interval(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return switch (this) {
      case NPS -> {
        long promoters = counts[9] + counts[10];
        long detractors = 0;
        for (int s = 0; s <= 6; s++) {
          detractors += counts[s];
        }
        yield SurveyIntervals.nps(promoters, detractors, n);
      }
      case CSAT -> SurveyIntervals.share(counts[3] + counts[4], n);
      case CES -> {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
          int score = i + min;
          sum += (double) counts[i] * score;
          squares += (double) counts[i] * score * score;
        }
        yield SurveyIntervals.mean(n, sum, squares, min, max);
      }
    };
  }
}
