package trailmap.analytics.live;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyKind;

/**
 * How customers feel at a touchpoint or stage according to their survey answers, on the map's
 * emotion scale from −2 to +2.
 *
 * <p>Each survey kind maps linearly onto the scale so that its neutral point is 0 and its best and
 * worst figures are +2 and −2: CSAT share satisfied {@code s} → {@code 4s − 2}; NPS → {@code NPS /
 * 50}, clipped to −2..+2 (an NPS of ±100 would be ±2 without the clip, but a figure beyond ±100
 * cannot occur anyway; ±50 is already "very"); CES mean {@code m} on 1..7, lower is better → {@code
 * (4 − m) / 1.5}. A kind counts only with at least {@link #MINIMUM_ANSWERS} answers; the counted
 * kinds are averaged weighted by their n. With no kind counted there is no score.
 *
 * @param score the combined emotion, −2..+2; empty when no kind had enough answers
 * @param n the answers behind the score (of the counted kinds)
 * @param parts the emotion of each counted kind
 */
public record SurveyEmotion(Optional<Double> score, long n, Map<SurveyKind, Double> parts) {
  /** Answers of one kind needed before it counts towards the emotion. */
  public static final int MINIMUM_ANSWERS = 10;

  public SurveyEmotion {
    score = score == null ? Optional.empty() : score;
    score.ifPresent(
        s -> {
          if (!(s >= -2 && s <= 2)) {
            throw new IllegalArgumentException("an emotion lies in -2..2, was " + s);
          }
        });
    EnumMap<SurveyKind, Double> copy = new EnumMap<>(SurveyKind.class);
    copy.putAll(parts);
    parts = java.util.Collections.unmodifiableMap(copy);
  }

  /** The emotion of these scores, counting kinds with at least {@link #MINIMUM_ANSWERS}. */
  public static SurveyEmotion of(SurveyScores scores) {
    return of(scores, MINIMUM_ANSWERS);
  }

  /** The emotion of these scores, counting kinds with at least {@code minimumAnswers} answers. */
  public static SurveyEmotion of(SurveyScores scores, int minimumAnswers) {
    if (minimumAnswers < 1) {
      throw new IllegalArgumentException(
          "the minimum answers must be 1 or more, was " + minimumAnswers);
    }
    EnumMap<SurveyKind, Double> parts = new EnumMap<>(SurveyKind.class);
    double weighted = 0;
    long n = 0;
    for (SurveyKind kind : SurveyKind.values()) {
      Interval figure = scores.get(kind);
      if (!figure.defined() || figure.n() < minimumAnswers) {
        continue;
      }
      double emotion = onScale(kind, figure.estimate());
      parts.put(kind, emotion);
      weighted += emotion * figure.n();
      n += figure.n();
    }
    Optional<Double> score = n == 0 ? Optional.empty() : Optional.of(clip(weighted / n));
    return new SurveyEmotion(score, n, parts);
  }

  /** A survey figure on the emotion scale (see the class comment), clipped to −2..+2. */
  public static double onScale(SurveyKind kind, double figure) {
    return clip(
        switch (kind) {
          case CSAT -> 4 * figure - 2;
          case NPS -> figure / 50;
          case CES -> (4 - figure) / 1.5;
        });
  }

  private static double clip(double value) {
    return Math.clamp(value, -2.0, 2.0);
  }
}
