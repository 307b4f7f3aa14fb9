package trailmap.maps.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.maps.Emotion;
import trailmap.maps.JourneyMap;
import trailmap.maps.Persona;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Writes a map as a Mermaid {@code journey} diagram: a title, one {@code section} per stage and one
 * task per touchpoint, {@code name: score: personas}.
 *
 * <p>Mermaid scores run from 1 to 5, so an emotion score s (−2..+2) becomes s + 3. A touchpoint
 * where personas feel differently gets the rounded mean of their scores (a Mermaid task has one
 * score); a touchpoint without any emotion gets the neutral 3. The actors are all personas of the
 * map. Characters that end a Mermaid field or statement ({@code :} {@code #} {@code ;} and line
 * breaks) are replaced, and commas in persona names too, since they separate actors.
 */
final class MermaidJourney {
  private static final int NEUTRAL = 3;

  private MermaidJourney() {}

  static String write(JourneyMap map) {
    StringBuilder out = new StringBuilder();
    out.append("journey\n");
    out.append("  title ").append(clean(map.name())).append('\n');
    List<String> actors = new ArrayList<>();
    for (Persona persona : map.personas()) {
      actors.add(clean(persona.name()).replace(',', ' ').replaceAll(" {2,}", " ").strip());
    }
    String actorList = String.join(", ", actors);
    for (Stage stage : map.stages()) {
      out.append("  section ").append(clean(stage.name())).append('\n');
      for (Touchpoint touchpoint : stage.touchpoints()) {
        out.append("    ")
            .append(clean(touchpoint.name()))
            .append(": ")
            .append(score(map, touchpoint))
            .append(": ")
            .append(actorList)
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The Mermaid score (1..5) of a touchpoint over all personas of the map. */
  static int score(JourneyMap map, Touchpoint touchpoint) {
    List<Integer> scores = new ArrayList<>();
    for (Persona persona : map.personas()) {
      Optional<Emotion> emotion = touchpoint.emotionFor(persona.id());
      emotion.ifPresent(e -> scores.add(e.score()));
    }
    if (scores.isEmpty()) {
      return NEUTRAL;
    }
    double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
    return (int) Math.round(mean) + NEUTRAL;
  }

  /** {@code text} on one line, without the characters that break Mermaid's journey syntax. */
  static String clean(String text) {
    String cleaned =
        text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ")
            .replace(':', '-')
            .replace(';', ',')
            .replace('#', ' ')
            .replaceAll(" {2,}", " ")
            .strip();
    return cleaned.isEmpty() ? "-" : cleaned;
  }
}
