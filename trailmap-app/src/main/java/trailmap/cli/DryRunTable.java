package trailmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dry-run answer for people: a header, one line per step, outcomes, holdout, warnings. */
final class DryRunTable {
  private DryRunTable() {}

  static void print(JsonNode answer, PrintWriter out) {
    JsonNode counted = answer.path("counted");
    out.printf(
        Locale.ROOT,
        "dry run of flow '%s' v%d over [%s, %s): simulated, nothing sent%n",
        answer.at("/flow/id").asText(),
        answer.at("/flow/version").asInt(),
        counted.path("from").asText(),
        counted.path("to").asText());
    out.println("messaging rules: " + rules(counted.path("policy")));
    out.printf(
        Locale.ROOT,
        "%,d profiles replayed (%,d events, %,d timers fired%s%s%s); %,d entered (%,d entries)%n%n",
        answer.at("/profiles/replayed").asLong(),
        counted.path("events").asLong(),
        counted.path("timersFired").asLong(),
        count(counted, "scheduleFirings", "schedule firings"),
        count(counted, "segmentEntries", "segment entries"),
        count(counted, "apiCalls", "API calls"),
        answer.at("/profiles/entered").asLong(),
        answer.path("entries").asLong());
    out.printf(
        Locale.ROOT,
        "%-28s %-9s %9s %9s %9s %10s %9s %9s%n",
        "step",
        "kind",
        "profiles",
        "visits",
        "sent",
        "suppressed",
        "deferred",
        "waiting");
    for (JsonNode step : answer.path("steps")) {
      out.printf(
          Locale.ROOT,
          "%-28s %-9s %,9d %,9d %,9d %,10d %,9d %,9d%n",
          abbreviate(step.path("id").asText(), 28),
          step.path("kind").asText(),
          step.path("profiles").asLong(),
          step.path("visits").asLong(),
          step.path("sent").asLong(),
          step.path("suppressed").asLong(),
          step.path("deferred").asLong(),
          step.path("waiting").asLong());
    }
    JsonNode suppressedBy = answer.at("/messages/suppressedBy");
    if (!suppressedBy.isEmpty()) {
      out.println("suppressed by: " + pairs(suppressedBy));
    }
    JsonNode outcomes = answer.path("outcomes");
    out.printf(
        Locale.ROOT,
        "%noutcomes: converted %,d%s, exited %,d%s, completed %,d, waiting %,d%n",
        outcomes.path("converted").asLong(),
        outcomes.path("convertedByGoal").isEmpty()
            ? ""
            : " (" + pairs(outcomes.path("convertedByGoal")) + ")",
        outcomes.path("exited").asLong(),
        outcomes.path("exited").asLong() == 0 ? "" : " (" + pairs(outcomes.path("exitedBy")) + ")",
        outcomes.path("completed").asLong(),
        outcomes.path("waiting").asLong());
    out.printf(
        Locale.ROOT,
        "holdout: treatment %s; holdout %s%n",
        group(answer.at("/holdout/treatment")),
        group(answer.at("/holdout/holdout")));
    JsonNode notEntered = answer.path("notEntered");
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : notEntered.properties()) {
      if (e.getValue().asLong() > 0) {
        reasons.add(e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue().asLong()));
      }
    }
    if (!reasons.isEmpty()) {
      out.println("triggered but not entered: " + String.join(", ", reasons));
    }
    for (JsonNode warning : answer.path("warnings")) {
      out.println("warning: " + warning.asText());
    }
    out.println("(--json prints every figure and the rules of the simulation)");
  }

  /** ", N what" when the answer counted any, else nothing. */
  private static String count(JsonNode counted, String field, String what) {
    long n = counted.path(field).asLong();
    return n == 0 ? "" : String.format(Locale.ROOT, ", %,d %s", n, what);
  }

  private static String group(JsonNode group) {
    JsonNode conversion = group.path("conversion");
    return String.format(
        Locale.ROOT,
        "%,d entries, %,d converted%s",
        group.path("entries").asLong(),
        group.path("converted").asLong(),
        conversion.isNull()
            ? ""
            : String.format(Locale.ROOT, " (%.1f%%)", 100 * conversion.asDouble()));
  }

  private static String pairs(JsonNode counts) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : counts.properties()) {
      parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue().asLong()));
    }
    return String.join(", ", parts);
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  /** Whose rules the simulated sends obeyed, and what they are. */
  static String rules(JsonNode policy) {
    List<String> parts = new ArrayList<>();
    JsonNode caps = policy.path("caps");
    if (!caps.isEmpty()) {
      List<String> labels = new ArrayList<>();
      caps.forEach(c -> labels.add(c.asText()));
      parts.add("caps " + String.join(", ", labels));
    }
    if (policy.hasNonNull("quietHours")) {
      parts.add("quiet hours " + policy.get("quietHours").asText());
    }
    JsonNode optIn = policy.path("optIn");
    if (!optIn.isEmpty()) {
      List<String> channels = new ArrayList<>();
      optIn.forEach(c -> channels.add(c.asText()));
      parts.add("opt-in " + String.join(", ", channels));
    }
    if (policy.path("globalHoldout").asDouble() > 0) {
      parts.add(
          String.format(
              Locale.ROOT, "global holdout %s", percent(policy.get("globalHoldout").asDouble())));
    }
    String from = policy.path("from").asText();
    return parts.isEmpty() ? from : from + " (" + String.join("; ", parts) + ")";
  }

  private static String percent(double share) {
    double p = share * 100;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p))
        + "%";
  }
}
