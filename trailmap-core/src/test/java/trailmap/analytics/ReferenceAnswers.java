package trailmap.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;

/**
 * Survey answers read plainly from a logged event list, as the surveys package documents them, for
 * the reference implementations; and random logs mixing journey events, support contacts (an {@code
 * issue} property, some blank or numeric) and survey answers (valid and not).
 */
public final class ReferenceAnswers {
  public static final String SURVEY = "Survey Responded";

  /** One counted answer and the touchpoint it is about. */
  public record Answer(
      LoggedEvent event,
      SurveyKind kind,
      int score,
      Optional<String> comment,
      Optional<String> touchpoint) {}

  private ReferenceAnswers() {}

  /**
   * The answers {@code counted} selects, in table order: a kind from {@code survey} (any case), a
   * whole-number score on its scale, a non-blank comment, about the touchpoint named in {@code
   * touchpoint} or else the one of the profile's most recent earlier non-survey event matching a
   * touchpoint of the map (whether counted or not).
   */
  public static List<Answer> read(
      List<LoggedEvent> log, Optional<JourneyMap> map, Predicate<LoggedEvent> counted) {
    List<Answer> answers = new ArrayList<>();
    for (List<LoggedEvent> journey : JourneyLogs.journeys(log)) {
      Optional<String> last = Optional.empty();
      for (LoggedEvent e : journey) {
        if (!e.name().equals(SURVEY)) {
          if (map.isPresent()) {
            Optional<String> tp = Labels.TOUCHPOINTS.reference(map.get()).apply(e);
            last = tp.isPresent() ? tp : last;
          }
          continue;
        }
        if (!counted.test(e)) {
          continue;
        }
        Optional<SurveyKind> kind = text(e, "survey").flatMap(SurveyKind::fromWireName);
        Optional<Integer> score = e.properties().get("score").flatMap(ReferenceAnswers::whole);
        if (kind.isEmpty() || score.isEmpty() || !kind.get().accepts(score.get())) {
          continue;
        }
        Optional<String> named = text(e, "touchpoint");
        answers.add(
            new Answer(
                e, kind.get(), score.get(), text(e, "comment"), named.isPresent() ? named : last));
      }
    }
    return answers;
  }

  private static Optional<String> text(LoggedEvent e, String property) {
    return e.properties().get(property).flatMap(ReferenceAnswers::string);
  }

  private static Optional<String> string(JsonValue v) {
    return v instanceof JsonValue.Str s && !s.value().isBlank()
        ? Optional.of(s.value())
        : Optional.empty();
  }

  private static Optional<Integer> whole(JsonValue v) {
    double d;
    if (v instanceof JsonValue.Num n) {
      d = n.value();
    } else if (v instanceof JsonValue.Str s && s.value().strip().matches("-?\\d+")) {
      d = Double.parseDouble(s.value().strip());
    } else {
      return Optional.empty();
    }
    return d == Math.rint(d) && Math.abs(d) < 1000 ? Optional.of((int) d) : Optional.empty();
  }

  /** Journey events, support contacts and survey answers, shuffled; times 0-40 s. */
  public static Arbitrary<List<LoggedEvent>> logs() {
    return Combinators.combine(
            JourneyLogs.logs(), contacts().list().ofMaxSize(25), answers().list().ofMaxSize(30))
        .flatAs(
            (journeys, contacts, answers) -> {
              List<LoggedEvent> all = new ArrayList<>(journeys);
              all.addAll(contacts);
              all.addAll(answers);
              return Arbitraries.shuffle(all);
            });
  }

  static Arbitrary<LoggedEvent> contacts() {
    Arbitrary<JsonValue> issue =
        Arbitraries.of(
            new JsonValue.Str("login"),
            new JsonValue.Str("billing"),
            new JsonValue.Str("  "),
            new JsonValue.Num(7));
    return Combinators.combine(
            Arbitraries.of("p1", "p2", "p3", "p4", "p5"),
            Arbitraries.longs().between(0, 40).map(t -> t * 1_000_000L),
            Arbitraries.of(JourneyLogs.NAMES),
            Arbitraries.of("phone", "email", "chat", "web"),
            issue.injectNull(0.1),
            Arbitraries.of(JourneyLogs.PLANS))
        .as(
            (profile, micros, name, channel, value, plan) -> {
              Map<String, JsonValue> f = new LinkedHashMap<>();
              if (value != null) {
                f.put("issue", value);
              }
              f.put("plan", new JsonValue.Str(plan));
              return new LoggedEvent(
                  profile, micros, name, EventType.TRACK, channel, new JsonValue.Obj(f));
            });
  }

  static Arbitrary<LoggedEvent> answers() {
    Arbitrary<JsonValue> score =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1, 11).map(i -> (JsonValue) new JsonValue.Num(i)),
            Arbitraries.of(new JsonValue.Str("4"), new JsonValue.Num(4.5)));
    Arbitrary<Map<String, JsonValue>> fields =
        Combinators.combine(
                Arbitraries.of("nps", "csat", "CES", "other"),
                score,
                Arbitraries.of("slow again", "great", "  ", "Bad", "fine").injectNull(0.4),
                Arbitraries.of("m-tp0", "m-tp1", "nowhere").injectNull(0.6),
                Arbitraries.of(JourneyLogs.PLANS).injectNull(0.2))
            .as(
                (survey, s, comment, touchpoint, plan) -> {
                  Map<String, JsonValue> f = new LinkedHashMap<>();
                  f.put("survey", new JsonValue.Str(survey));
                  f.put("score", s);
                  if (comment != null) {
                    f.put("comment", new JsonValue.Str(comment));
                  }
                  if (touchpoint != null) {
                    f.put("touchpoint", new JsonValue.Str(touchpoint));
                  }
                  if (plan != null) {
                    f.put("plan", new JsonValue.Str(plan));
                  }
                  return f;
                });
    return Combinators.combine(
            Arbitraries.of("p1", "p2", "p3", "p4", "p5"),
            Arbitraries.longs().between(0, 40).map(t -> t * 1_000_000L),
            Arbitraries.of(JourneyLogs.CHANNELS),
            fields)
        .as(
            (profile, micros, channel, f) ->
                new LoggedEvent(
                    profile, micros, SURVEY, EventType.TRACK, channel, new JsonValue.Obj(f)));
  }
}
