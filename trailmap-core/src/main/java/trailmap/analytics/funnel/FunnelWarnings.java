package trailmap.analytics.funnel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import trailmap.text.EditDistance;

/**
 * Warnings for steps and exclusions that matched nothing, so a typo does not look like a finding.
 */
final class FunnelWarnings {
  private static final int SUGGESTIONS = 3;

  private FunnelWarnings() {}

  static List<String> of(
      FunnelQuery query, long[] stepHits, long[] exclusionHits, Collection<String> knownNames) {
    List<String> warnings = new ArrayList<>();
    for (int s = 0; s < stepHits.length; s++) {
      if (stepHits[s] == 0) {
        FunnelStep step = query.steps().get(s);
        warnings.add(
            "step %d '%s' matched no event%s"
                .formatted(s, step.name(), why(step.matcher(), knownNames)));
      }
    }
    for (int x = 0; x < exclusionHits.length; x++) {
      if (exclusionHits[x] == 0) {
        Exclusion exclusion = query.exclusions().get(x);
        warnings.add(
            "exclusion %d '%s' matched no event, so it excluded nothing%s"
                .formatted(x, exclusion.name(), why(exclusion.matcher(), knownNames)));
      }
    }
    return warnings;
  }

  private static String why(StepMatcher matcher, Collection<String> knownNames) {
    if (!(matcher instanceof EventMatcher event)) {
      return " (after filters)";
    }
    if (knownNames.contains(event.event())) {
      return event.where().isEmpty()
          ? " after the filters"
          : " after the filters and its where conditions";
    }
    List<String> closest = closest(event.event(), knownNames);
    return closest.isEmpty()
        ? "; no event named '%s' was seen, and no known name is close".formatted(event.event())
        : "; no event named '%s' was seen (closest known: %s)"
            .formatted(
                event.event(),
                String.join(", ", closest.stream().map(n -> "'" + n + "'").toList()));
  }

  /** Up to three known names nearest by edit distance, within half the typed length (min 3). */
  static List<String> closest(String typed, Collection<String> known) {
    String needle = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(3, typed.length() / 2);
    record Scored(String name, int distance) {}
    return known.stream()
        .filter(name -> !name.isEmpty())
        .map(name -> new Scored(name, EditDistance.between(needle, name.toLowerCase(Locale.ROOT))))
        .filter(s -> s.distance() <= allowed)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(SUGGESTIONS)
        .map(Scored::name)
        .toList();
  }
}
