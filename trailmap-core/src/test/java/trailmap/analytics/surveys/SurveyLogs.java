package trailmap.analytics.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Random logs of journey events mixed with survey answers, valid and not: unknown kinds, scores off
 * the scale, fractional, textual or missing, comments and named touchpoints (some not on the map).
 * Answers span three weeks so weekly trends have several weeks.
 */
final class SurveyLogs {
  static final String SURVEY = "Survey Responded";

  private SurveyLogs() {}

  static Arbitrary<List<LoggedEvent>> logs() {
    return Combinators.combine(JourneyLogs.logs(), answers().list().ofMaxSize(30))
        .flatAs(
            (journeys, answers) -> {
              List<LoggedEvent> all = new ArrayList<>(journeys.size() + answers.size());
              all.addAll(journeys);
              all.addAll(answers);
              return Arbitraries.shuffle(all);
            });
  }

  static Arbitrary<LoggedEvent> answers() {
    Arbitrary<JsonValue> score =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1, 12).map(i -> (JsonValue) new JsonValue.Num(i)),
            Arbitraries.of(
                new JsonValue.Str("7"),
                new JsonValue.Str("x"),
                new JsonValue.Num(4.5),
                new JsonValue.Null()));
    Arbitrary<Map<String, JsonValue>> fields =
        Combinators.combine(
                Arbitraries.of("nps", "csat", "ces", "CES", "other").injectNull(0.05),
                score.injectNull(0.05),
                Arbitraries.of("slow", "great", "  ").injectNull(0.5),
                Arbitraries.of("m-tp0", "m-tp1", "nowhere").injectNull(0.6))
            .as(
                (survey, s, comment, touchpoint) -> {
                  Map<String, JsonValue> f = new LinkedHashMap<>();
                  if (survey != null) {
                    f.put("survey", new JsonValue.Str(survey));
                  }
                  if (s != null) {
                    f.put("score", s);
                  }
                  if (comment != null) {
                    f.put("comment", new JsonValue.Str(comment));
                  }
                  if (touchpoint != null) {
                    f.put("touchpoint", new JsonValue.Str(touchpoint));
                  }
                  return f;
                });
    return Combinators.combine(
            Arbitraries.of("p1", "p2", "p3", "p4", "p5"),
            Arbitraries.longs().between(0, 40).map(t -> t * 40_000_000_000L),
            Arbitraries.of(JourneyLogs.CHANNELS),
            fields)
        .as(
            (profile, micros, channel, f) ->
                new LoggedEvent(
                    profile, micros, SURVEY, EventType.TRACK, channel, new JsonValue.Obj(f)));
  }
}
