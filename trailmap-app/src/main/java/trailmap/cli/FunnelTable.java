package trailmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** The funnel answer as a table for people: one line per step, then the warnings. */
final class FunnelTable {
  private FunnelTable() {}

  static void print(JsonNode answer, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%-32s %10s %9s %9s %10s %12s%n",
        "step",
        "profiles",
        "of first",
        "of prev",
        "drop-off",
        "median time");
    for (JsonNode step : answer.path("steps")) {
      out.printf(
          Locale.ROOT,
          "%-32s %,10d %8.1f%% %8.1f%% %,10d %12s%n",
          abbreviate(step.path("name").asText(), 32),
          step.path("count").asLong(),
          100 * step.path("conversionFromFirst").asDouble(),
          100 * step.path("conversionFromPrevious").asDouble(),
          step.path("dropOff").asLong(),
          duration(step.path("medianSecondsToConvert")));
    }
    for (JsonNode warning : answer.path("warnings")) {
      out.println("warning: " + (warning.isTextual() ? warning.asText() : warning.toString()));
    }
    out.println("(--json prints every figure: p90, histograms, breakdown series)");
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /** Seconds as the largest sensible unit: 42s, 3.5m, 2.1h, 4.0d; "-" when there is none. */
  static String duration(JsonNode seconds) {
    if (!seconds.isNumber()) {
      return "-";
    }
    double s = seconds.asDouble();
    if (s < 60) {
      return String.format(Locale.ROOT, "%.0fs", s);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%.1fm", s / 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%.1fh", s / 3600);
    }
    return String.format(Locale.ROOT, "%.1fd", s / 86_400);
  }
}
