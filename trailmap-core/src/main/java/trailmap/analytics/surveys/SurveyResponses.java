package trailmap.analytics.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.matching.TouchpointRef;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;
import trailmap.maps.Touchpoint;

/**
 * Reads the survey answers of a table.
 *
 * <p>An event is a survey answer when its name is {@link SurveyFields#event()}. Its kind comes from
 * the {@code survey} property (nps, csat or ces, any case) and its score from the {@code score}
 * property: a number, or text of one, that must be a whole number on the kind's scale. Anything
 * else is {@link Rejected}, by reason, and not counted. A {@code comment} that is blank is no
 * comment.
 *
 * <p>The answer is about the touchpoint its {@code touchpoint} property names; failing that, when a
 * map is given, about the touchpoint of the profile's most recent earlier event (in table order,
 * survey events skipped) that matches a touchpoint of the map — the first in map order when it
 * matches several. Earlier events count even when the filter leaves them out: the filter selects
 * answers, not context.
 */
public final class SurveyResponses {
  private SurveyResponses() {}

  /** The answers among the events {@code filter} counts. */
  public static ResponsesRead read(
      EventTable table, Optional<JourneyMap> map, SurveyFields fields, EventFilter filter) {
    int surveyName = table.names().lookup(fields.event());
    List<SurveyResponse> responses = new ArrayList<>();
    TreeSet<String> notOnMap = new TreeSet<>();
    long[] rejected = new long[4];
    if (surveyName == Dictionary.ABSENT) {
      return new ResponsesRead(responses, Rejected.NONE, notOnMap);
    }
    Optional<TouchpointMatching> matching = map.map(m -> TouchpointMatching.of(m, table));
    for (int p = 0; p < table.profiles(); p++) {
      int lastTouchpoint = -1;
      for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
        if (table.name(e) != surveyName) {
          if (matching.isPresent()) {
            int tp = matching.get().first(e);
            lastTouchpoint = tp >= 0 ? tp : lastTouchpoint;
          }
          continue;
        }
        if (!filter.test(table, p, e)) {
          continue;
        }
        JsonValue.Obj properties = table.properties(e);
        Optional<SurveyKind> kind =
            properties
                .at(fields.survey())
                .flatMap(JsonValue::asText)
                .flatMap(SurveyKind::fromWireName);
        if (kind.isEmpty()) {
          rejected[3]++;
          continue;
        }
        Optional<JsonValue> raw = properties.at(fields.score());
        if (raw.isEmpty() || raw.get() instanceof JsonValue.Null) {
          rejected[2]++;
          continue;
        }
        Optional<Double> number = number(raw.get());
        if (number.isEmpty()) {
          rejected[1]++;
          continue;
        }
        double value = number.get();
        if (value != Math.rint(value) || value < kind.get().min() || value > kind.get().max()) {
          rejected[0]++;
          continue;
        }
        Optional<String> named = properties.at(fields.touchpoint()).flatMap(JsonValue::asText);
        Optional<String> touchpoint;
        Optional<String> stage = Optional.empty();
        String channel = channel(table, e);
        if (named.isPresent()) {
          touchpoint = named;
          if (map.isPresent()) {
            Optional<TouchpointRef> ref = refOf(matching.orElseThrow(), named.get());
            if (ref.isPresent()) {
              stage = Optional.of(ref.get().stageId());
              channel = map.get().touchpoint(named.get()).map(Touchpoint::channel).orElseThrow();
            } else {
              notOnMap.add(named.get());
            }
          }
        } else if (lastTouchpoint >= 0) {
          TouchpointRef ref = matching.orElseThrow().touchpoint(lastTouchpoint);
          touchpoint = Optional.of(ref.touchpointId());
          stage = Optional.of(ref.stageId());
          channel = map.orElseThrow().touchpoint(ref.touchpointId()).orElseThrow().channel();
        } else {
          touchpoint = Optional.empty();
        }
        responses.add(
            new SurveyResponse(
                p,
                e,
                table.profileId(p),
                table.micros(e),
                kind.get(),
                (int) value,
                properties.at(fields.comment()).flatMap(JsonValue::asText).map(String::strip),
                touchpoint,
                stage,
                channel));
      }
    }
    return new ResponsesRead(
        responses, new Rejected(rejected[0], rejected[1], rejected[2], rejected[3]), notOnMap);
  }

  private static Optional<TouchpointRef> refOf(TouchpointMatching matching, String touchpointId) {
    return matching.refs().stream().filter(r -> r.touchpointId().equals(touchpointId)).findFirst();
  }

  private static String channel(EventTable table, int event) {
    String channel = table.channels().text(table.channel(event));
    return channel.isBlank() ? "unknown" : channel;
  }

  private static Optional<Double> number(JsonValue value) {
    if (value instanceof JsonValue.Num n) {
      return Optional.of(n.value());
    }
    if (value instanceof JsonValue.Str s) {
      try {
        return Optional.of(Double.parseDouble(s.value().strip()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
