package trailmap.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Random event logs for the property tests of the journey analyses, and the plain reading of a log
 * that the reference implementations use: events grouped by profile in first-seen order, each
 * profile's events stably sorted by time. Names, channels and property values come from small pools
 * and times from a small range, so repeats, ties and matches are common.
 */
public final class JourneyLogs {
  public static final List<String> NAMES =
      List.of("Ad Clicked", "Viewed Pricing", "Started Trial", "Paid", "Contacted Support", "");
  public static final List<String> CHANNELS = List.of("web", "ads", "email", "phone");
  public static final List<String> PLANS = List.of("free", "pro");

  private JourneyLogs() {}

  public static Arbitrary<List<LoggedEvent>> logs() {
    return events().list().ofMaxSize(60);
  }

  static Arbitrary<LoggedEvent> events() {
    Arbitrary<JsonValue.Obj> properties =
        Combinators.combine(
                Arbitraries.of(PLANS).injectNull(0.3), Arbitraries.integers().between(0, 3))
            .as(
                (plan, amount) -> {
                  Map<String, JsonValue> fields = new LinkedHashMap<>();
                  if (plan != null) {
                    fields.put("plan", new JsonValue.Str(plan));
                  }
                  fields.put("amount", new JsonValue.Num(amount));
                  return new JsonValue.Obj(fields);
                });
    return Combinators.combine(
            Arbitraries.of("p1", "p2", "p3", "p4", "p5"),
            Arbitraries.longs().between(0, 40).map(t -> t * 1_000_000L),
            Arbitraries.of(NAMES),
            Arbitraries.of(EventType.TRACK, EventType.PAGE, EventType.IDENTIFY),
            Arbitraries.of(CHANNELS),
            properties)
        .as(LoggedEvent::new);
  }

  public static EventTable table(List<LoggedEvent> log) {
    EventTableBuilder builder = new EventTableBuilder();
    for (LoggedEvent e : log) {
      builder.add(e.profile(), e.micros(), e.name(), e.type(), e.channel(), "src", e.properties());
    }
    return builder.build();
  }

  /** The log as journeys: profiles in first-seen order, each stably sorted by time. */
  public static List<List<LoggedEvent>> journeys(List<LoggedEvent> log) {
    Map<String, List<LoggedEvent>> byProfile = new LinkedHashMap<>();
    for (LoggedEvent e : log) {
      byProfile.computeIfAbsent(e.profile(), p -> new ArrayList<>()).add(e);
    }
    List<List<LoggedEvent>> journeys = new ArrayList<>();
    for (List<LoggedEvent> events : byProfile.values()) {
      List<LoggedEvent> sorted = new ArrayList<>(events);
      sorted.sort(Comparator.comparingLong(LoggedEvent::micros));
      journeys.add(sorted);
    }
    return journeys;
  }

  /** The log in table order (the order of {@link #journeys}, flattened). */
  public static List<LoggedEvent> inTableOrder(List<LoggedEvent> log) {
    return journeys(log).stream().flatMap(List::stream).toList();
  }

  /** One track event on the web without properties, for example tests. */
  public static LoggedEvent track(String profile, long seconds, String name) {
    return new LoggedEvent(
        profile, seconds * 1_000_000L, name, EventType.TRACK, "web", JsonValue.Obj.EMPTY);
  }
}
