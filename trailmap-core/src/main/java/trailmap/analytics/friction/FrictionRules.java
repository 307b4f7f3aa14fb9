package trailmap.analytics.friction;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The knobs of the friction analysis.
 *
 * @param issueProperty the event property naming what a support contact is about
 * @param repeatWindowMicros contacts about one issue within this time of the first are one episode
 * @param supportChannels channels of support contacts (the event's, or its touchpoint's on the map)
 * @param waitRatio a transition is a long wait when its p90 gap is above this many times the median
 *     gap of all transitions
 * @param minimumN the fewest profiles, contacts, transitions or answers an item needs
 * @param cesAbove a touchpoint's mean CES above this is low (high effort)
 * @param csatBelow a touchpoint's CSAT share below this is low
 * @param npsBelow a touchpoint's NPS below this is low
 * @param negativeWords a comment containing one of these (any case) is negative, whatever its score
 */
public record FrictionRules(
    String issueProperty,
    long repeatWindowMicros,
    Set<String> supportChannels,
    double waitRatio,
    int minimumN,
    double cesAbove,
    double csatBelow,
    double npsBelow,
    List<String> negativeWords) {

  /** A small English list; documented in docs/surveys-friction-compare.md. */
  public static final List<String> NEGATIVE_WORDS =
      List.of(
          "slow",
          "wait",
          "confus",
          "frustrat",
          "annoy",
          "broken",
          "bug",
          "error",
          "crash",
          "hard",
          "difficult",
          "useless",
          "terrible",
          "awful",
          "bad",
          "worst",
          "angry",
          "cancel",
          "refund",
          "again",
          "twice",
          "never",
          "still",
          "nobody",
          "no one",
          "expensive");

  public static final FrictionRules DEFAULT =
      new FrictionRules(
          "issue",
          7L * 86_400 * 1_000_000,
          Set.of("chat", "phone", "email"),
          4.0,
          5,
          4.0,
          0.7,
          0.0,
          NEGATIVE_WORDS);

  public FrictionRules {
    if (issueProperty == null || issueProperty.isBlank()) {
      throw new IllegalArgumentException(
          "the issue property must not be empty; the default is issue");
    }
    if (repeatWindowMicros <= 0) {
      throw new IllegalArgumentException(
          "the repeat-contact window must be positive, was " + repeatWindowMicros + " µs");
    }
    supportChannels = Set.copyOf(supportChannels);
    if (!(waitRatio > 1)) {
      throw new IllegalArgumentException("the wait ratio must be above 1, was " + waitRatio);
    }
    if (minimumN < 1) {
      throw new IllegalArgumentException("the minimum n must be at least 1, was " + minimumN);
    }
    if (cesAbove < 1 || cesAbove >= 7) {
      throw new IllegalArgumentException("cesAbove must be from 1 to below 7, was " + cesAbove);
    }
    if (csatBelow <= 0 || csatBelow > 1) {
      throw new IllegalArgumentException(
          "csatBelow must be above 0 and at most 1, was " + csatBelow);
    }
    if (npsBelow <= -100 || npsBelow > 100) {
      throw new IllegalArgumentException(
          "npsBelow must be above -100 and at most 100, was " + npsBelow);
    }
    negativeWords = negativeWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }
}
