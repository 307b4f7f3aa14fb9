package trailmap.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Matcher;
import trailmap.maps.Operator;
import trailmap.maps.Persona;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Journey maps for the analytics tests: {@link #map} builds one from a compact text, {@link #maps}
 * draws random ones whose matchers use the names, channels and properties of {@link JourneyLogs}.
 */
public final class JourneyMaps {
  private JourneyMaps() {}

  /**
   * A map from stages written as {@code "stage: touchpoint=Event Name, touchpoint=Other"}; each
   * touchpoint matches track events of that name.
   */
  public static JourneyMap map(String id, String... stages) {
    List<Stage> built = new ArrayList<>();
    for (String stage : stages) {
      String[] parts = stage.split(":", 2);
      List<Touchpoint> touchpoints = new ArrayList<>();
      for (String tp : parts[1].split(",")) {
        String[] idAndEvent = tp.strip().split("=", 2);
        touchpoints.add(
            touchpoint(
                idAndEvent[0],
                Optional.of(
                    new Matcher(
                        Optional.of(idAndEvent[1]),
                        Optional.of(EventType.TRACK),
                        Optional.empty(),
                        List.of()))));
      }
      built.add(stage(parts[0].strip(), touchpoints));
    }
    return map(id, built);
  }

  public static JourneyMap map(String id, List<Stage> stages) {
    return new JourneyMap(
        id,
        "Map " + id,
        MapState.CURRENT,
        "",
        "",
        Optional.empty(),
        Optional.empty(),
        List.of(new Persona("alex", "Alex", "", List.of(), List.of())),
        stages);
  }

  public static Stage stage(String id, List<Touchpoint> touchpoints) {
    return new Stage(id, "Stage " + id, "", List.of(), List.of(), touchpoints);
  }

  public static Touchpoint touchpoint(String id, Optional<Matcher> matcher) {
    return new Touchpoint(
        id,
        "Touchpoint " + id,
        "web",
        matcher,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * Random maps of 1-4 stages of 0-3 touchpoints, ids unique in the map, prefixed by {@code id}.
   */
  public static Arbitrary<JourneyMap> maps(String id) {
    return matchers()
        .optional(0.85)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            stages -> {
              List<Stage> built = new ArrayList<>();
              int tp = 0;
              for (int s = 0; s < stages.size(); s++) {
                List<Touchpoint> touchpoints = new ArrayList<>();
                for (Optional<Matcher> matcher : stages.get(s)) {
                  touchpoints.add(touchpoint(id + "-tp" + tp++, matcher));
                }
                built.add(stage(id + "-s" + s, touchpoints));
              }
              return map(id, built);
            });
  }

  static Arbitrary<Matcher> matchers() {
    Arbitrary<PropertyCondition> condition =
        Arbitraries.oneOf(
            Arbitraries.of(JourneyLogs.PLANS)
                .map(p -> new PropertyCondition("plan", Operator.EQ, List.of(new Scalar.Text(p)))),
            Arbitraries.integers()
                .between(0, 3)
                .map(
                    n ->
                        new PropertyCondition(
                            "amount", Operator.GTE, List.of(new Scalar.Number(n)))),
            Arbitraries.just(new PropertyCondition("plan", Operator.EXISTS, List.of())));
    return Combinators.combine(
            Arbitraries.of(JourneyLogs.NAMES).optional(0.8),
            Arbitraries.of(EventType.TRACK, EventType.PAGE).optional(0.4),
            Arbitraries.of("web", "ads", "email", "phone", "sms").optional(0.3),
            condition.list().ofMaxSize(2))
        .filter(
            (event, type, channel, where) ->
                event.isPresent() || type.isPresent() || channel.isPresent() || !where.isEmpty())
        .as(Matcher::new);
  }
}
