package trailmap.analytics.friction;

import java.util.List;
import java.util.Map;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyKind;

/** Why an item is on the friction list: the numbers that put it there. */
public sealed interface Evidence {
  /**
   * {@code drop-off}, {@code repeat-contacts}, {@code long-wait}, {@code low-score} or {@code
   * negative-feedback}.
   */
  String kind();

  /** The finding in one sentence, as a pain point could say it. */
  String describe();

  /**
   * Profiles who reached the touchpoint and never reached a touchpoint of a later stage.
   *
   * @param share the dropped share with its Agresti–Coull interval
   * @param expected the drop-off the map expects
   * @param expectedFrom {@code hypothesis}, {@code kpi} or {@code median} (of all touchpoints)
   */
  record DropOff(long reached, long dropped, Interval share, double expected, String expectedFrom)
      implements Evidence {
    public String kind() {
      return "drop-off";
    }

    public String describe() {
      return "%d%% of %d who reach it go no further (expected %d%%)"
          .formatted(Math.round(100 * share.estimate()), reached, Math.round(100 * expected));
    }
  }

  /**
   * Support episodes (contacts of one profile about one issue, within the window of the first)
   * starting at the touchpoint or channel.
   *
   * @param repeated episodes with two or more contacts
   * @param crossChannel repeated episodes that used more than one channel
   * @param topIssues issue values of the repeated episodes with their counts, most frequent first
   */
  record RepeatContacts(
      long episodes,
      long repeated,
      long profiles,
      long contacts,
      long crossChannel,
      Map<String, Long> topIssues,
      long windowMicros)
      implements Evidence {
    public RepeatContacts {
      topIssues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topIssues));
    }

    public String kind() {
      return "repeat-contacts";
    }

    public String describe() {
      return "%d of %d support issues needed %s contacts within %d days (%d across channels)"
          .formatted(
              repeated,
              episodes,
              repeated == 0 ? "several" : String.format("%.1f", (double) contacts / repeated),
              windowMicros / 86_400_000_000L,
              crossChannel);
    }
  }

  /** Gaps of one transition against the median gap of every transition, in seconds. */
  record LongWait(
      long transitions,
      long longOnes,
      double medianSeconds,
      double p90Seconds,
      double overallMedianSeconds)
      implements Evidence {
    public String kind() {
      return "long-wait";
    }

    public String describe() {
      return "1 in 10 waits over %s between these steps; a typical step takes %s"
          .formatted(human(p90Seconds), human(overallMedianSeconds));
    }
  }

  /** A survey figure of the touchpoint beyond its threshold. */
  record LowScore(SurveyKind survey, Interval score, double threshold, long unhappy)
      implements Evidence {
    public String kind() {
      return "low-score";
    }

    public String describe() {
      return switch (survey) {
        case CES ->
            "customer effort %.1f of 7 (above %.1f; lower is better)"
                .formatted(score.estimate(), threshold);
        case CSAT ->
            "only %d%% satisfied (below %d%%)"
                .formatted(Math.round(100 * score.estimate()), Math.round(100 * threshold));
        case NPS -> "NPS %.0f (below %.0f)".formatted(score.estimate(), threshold);
      };
    }
  }

  /**
   * Survey comments that are negative: given with an unhappy score, or containing a negative word.
   *
   * @param examples the most recent negative comments, at most three
   */
  record NegativeFeedback(
      long negative, long comments, Map<String, Long> words, List<String> examples)
      implements Evidence {
    public NegativeFeedback {
      words = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(words));
      examples = List.copyOf(examples);
    }

    public String kind() {
      return "negative-feedback";
    }

    public String describe() {
      return "%d of %d comments are negative%s"
          .formatted(
              negative, comments, examples.isEmpty() ? "" : ", e.g. \"" + examples.get(0) + "\"");
    }
  }

  /** Seconds in the largest whole unit: 90 s, 5 min, 3 h, 2 d. */
  static String human(double seconds) {
    if (seconds < 120) {
      return Math.round(seconds) + " s";
    }
    if (seconds < 7200) {
      return Math.round(seconds / 60) + " min";
    }
    if (seconds < 172_800) {
      return Math.round(seconds / 3600) + " h";
    }
    return Math.round(seconds / 86_400) + " d";
  }
}
