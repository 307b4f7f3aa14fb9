package trailmap.analytics.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.Labels;
import trailmap.analytics.LoggedEvent;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;

/**
 * Surveys written plainly over logged events: every answer as a line of text {@code
 * "group|kind|score"} (and {@code "group|kind|week|score"}) with its count, so engine and reference
 * can be compared without sharing code.
 */
final class ReferenceSurveys {
  record Result(
      Map<String, Long> lines,
      long rejected,
      long unattached,
      Map<String, List<String>> comments) {}

  private ReferenceSurveys() {}

  static Result of(List<LoggedEvent> log, Optional<JourneyMap> map, int cap) {
    Map<String, Long> lines = new TreeMap<>();
    Map<String, List<SurveyComment>> comments = new TreeMap<>();
    long rejected = 0;
    long unattached = 0;
    for (List<LoggedEvent> journey : JourneyLogs.journeys(log)) {
      Optional<String> last = Optional.empty();
      for (LoggedEvent e : journey) {
        if (!e.name().equals(SurveyLogs.SURVEY)) {
          if (map.isPresent()) {
            Optional<String> tp = Labels.TOUCHPOINTS.reference(map.get()).apply(e);
            last = tp.isPresent() ? tp : last;
          }
          continue;
        }
        JsonValue.Obj p = e.properties();
        Optional<SurveyKind> kind = p.text("survey").flatMap(s -> SurveyKind.fromWireName(s));
        Optional<Integer> score = p.get("score").flatMap(ReferenceSurveys::wholeNumber);
        if (kind.isEmpty() || score.isEmpty() || !kind.get().accepts(score.get())) {
          rejected++;
          continue;
        }
        Optional<String> touchpoint = p.text("touchpoint").or(() -> Optional.empty());
        if (touchpoint.isEmpty()) {
          touchpoint = map.isPresent() ? last : Optional.empty();
        }
        Optional<String> named = touchpoint;
        Optional<String> stage =
            map.flatMap(
                m ->
                    m.stages().stream()
                        .filter(
                            s ->
                                named.isPresent()
                                    && s.touchpoints().stream()
                                        .anyMatch(t -> t.id().equals(named.get())))
                        .findFirst()
                        .map(s -> s.id()));
        String channel =
            stage.isPresent()
                ? map.get().touchpoint(named.get()).orElseThrow().channel()
                : e.channel();
        List<String> groups = new ArrayList<>(List.of("all", "channel:" + channel));
        touchpoint.ifPresent(t -> groups.add("touchpoint:" + t));
        stage.ifPresent(s -> groups.add("stage:" + s));
        if (touchpoint.isEmpty()) {
          unattached++;
        }
        Optional<String> text = p.text("comment").map(String::strip);
        for (String group : groups) {
          lines.merge(group + "|" + kind.get() + "|" + score.get(), 1L, Long::sum);
          lines.merge(
              group + "|" + kind.get() + "|" + Surveys.weekOf(e.micros()) + "|" + score.get(),
              1L,
              Long::sum);
          if (text.isPresent()) {
            comments
                .computeIfAbsent(group, g -> new ArrayList<>())
                .add(
                    new SurveyComment(
                        e.profile(), e.micros(), kind.get(), score.get(), text.get(), touchpoint));
          }
        }
      }
    }
    Map<String, List<String>> kept = new TreeMap<>();
    comments.forEach(
        (group, list) -> {
          list.sort(SurveyComment.MOST_RECENT_FIRST);
          kept.put(group, list.stream().limit(cap).map(c -> c.text() + "@" + c.micros()).toList());
          kept.put(group + "#", List.of(Integer.toString(list.size())));
        });
    return new Result(lines, rejected, unattached, kept);
  }

  private static Optional<Integer> wholeNumber(JsonValue value) {
    double d;
    if (value instanceof JsonValue.Num n) {
      d = n.value();
    } else if (value instanceof JsonValue.Str s && s.value().strip().matches("-?\\d+")) {
      d = Double.parseDouble(s.value());
    } else {
      return Optional.empty();
    }
    return d == Math.rint(d) && Math.abs(d) < 1000 ? Optional.of((int) d) : Optional.empty();
  }

  /** The engine's result in the reference's shape. */
  static Result project(SurveysFound found) {
    Map<String, Long> lines = new TreeMap<>();
    Map<String, List<String>> comments = new TreeMap<>();
    Map<String, SurveyGroup> groups = new TreeMap<>();
    groups.put("all", found.overall());
    found.byTouchpoint().forEach((k, g) -> groups.put("touchpoint:" + k, g));
    found.byStage().forEach((k, g) -> groups.put("stage:" + k, g));
    found.byChannel().forEach((k, g) -> groups.put("channel:" + k, g));
    groups.forEach(
        (name, group) -> {
          for (SurveyTally t : group.tallies().values()) {
            for (int s = t.kind().min(); s <= t.kind().max(); s++) {
              if (t.count(s) > 0) {
                lines.put(name + "|" + t.kind() + "|" + s, t.count(s));
              }
            }
          }
          group
              .weekly()
              .forEach(
                  (week, tallies) -> {
                    for (SurveyTally t : tallies.values()) {
                      for (int s = t.kind().min(); s <= t.kind().max(); s++) {
                        if (t.count(s) > 0) {
                          lines.put(name + "|" + t.kind() + "|" + week + "|" + s, t.count(s));
                        }
                      }
                    }
                  });
          if (group.commentCount() > 0) {
            comments.put(
                name, group.comments().stream().map(c -> c.text() + "@" + c.micros()).toList());
            comments.put(name + "#", List.of(Long.toString(group.commentCount())));
          }
        });
    return new Result(lines, found.rejected().total(), found.unattached(), comments);
  }
}
