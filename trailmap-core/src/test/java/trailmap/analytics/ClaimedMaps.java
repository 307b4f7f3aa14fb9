package trailmap.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.PainPoint;
import trailmap.maps.Severity;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Random maps of {@link JourneyMaps#maps} whose touchpoints carry random channels, pain points with
 * hypotheses (any metric, on the carrier or a named touchpoint, to a named or any later touchpoint,
 * bounds in the metric's unit) and drop-off or conversion KPIs. Named touchpoints include ones that
 * are not on the map.
 */
public final class ClaimedMaps {
  private ClaimedMaps() {}

  public static Arbitrary<JourneyMap> maps() {
    return JourneyMaps.maps("m")
        .flatMap(
            map -> {
              List<Touchpoint> tps = map.touchpoints().toList();
              return Combinators.combine(
                      Arbitraries.of("web", "phone", "email", "chat").list().ofSize(tps.size()),
                      painPoints().list().ofMaxSize(2).list().ofSize(tps.size()),
                      kpis().list().ofMaxSize(1).list().ofSize(tps.size()))
                  .as((channels, pains, kpis) -> decorate(map, channels, pains, kpis));
            });
  }

  private static JourneyMap decorate(
      JourneyMap map, List<String> channels, List<List<PainPoint>> pains, List<List<Kpi>> kpis) {
    List<Stage> stages = new ArrayList<>();
    int i = 0;
    for (Stage stage : map.stages()) {
      List<Touchpoint> tps = new ArrayList<>();
      for (Touchpoint tp : stage.touchpoints()) {
        tps.add(
            new Touchpoint(
                tp.id(),
                tp.name(),
                channels.get(i),
                tp.matcher(),
                List.of(),
                List.of(),
                List.of(),
                pains.get(i),
                List.of(),
                kpis.get(i),
                List.of()));
        i++;
      }
      stages.add(JourneyMaps.stage(stage.id(), tps));
    }
    return JourneyMaps.map(map.id(), stages);
  }

  static Arbitrary<PainPoint> painPoints() {
    Arbitrary<Hypothesis> hypothesis =
        Arbitraries.of(HypothesisMetric.values())
            .flatMap(
                metric -> {
                  Arbitrary<Double> bound =
                      switch (metric) {
                        case DROP_OFF, CONVERSION, CSAT ->
                            Arbitraries.integers().between(0, 10).map(b -> b / 10.0);
                        case NPS -> Arbitraries.integers().between(-100, 100).map(b -> (double) b);
                        case CES -> Arbitraries.integers().between(2, 14).map(b -> b / 2.0);
                        case TIME_TO_NEXT ->
                            Arbitraries.integers().between(0, 40).map(b -> (double) b);
                      };
                  return Combinators.combine(
                          Arbitraries.of("m-tp0", "m-tp1", "m-tp3", "nowhere").optional(0.3),
                          Arbitraries.of("m-tp1", "m-tp2", "m-tp4", "nowhere").optional(0.3),
                          bound.optional(0.6),
                          bound.optional(0.6))
                      .filter((at, to, least, most) -> least.isPresent() || most.isPresent())
                      .as(
                          (at, to, least, most) ->
                              new Hypothesis(
                                  metric.wireName() + " claim", metric, at, to, least, most));
                });
    return hypothesis
        .optional(0.8)
        .map(h -> new PainPoint("it hurts", Severity.MEDIUM, List.of(), h));
  }

  static Arbitrary<Kpi> kpis() {
    return Combinators.combine(
            Arbitraries.of("drop-off", "conversion", "nps"),
            Arbitraries.integers().between(0, 10).optional(0.8),
            Arbitraries.of("%", ""))
        .as(
            (metric, target, unit) ->
                new Kpi(
                    "k",
                    "a kpi",
                    metric,
                    target.map(t -> unit.equals("%") ? t * 10.0 : t / 10.0),
                    unit,
                    Optional.empty(),
                    Kpi.Direction.HIGHER));
  }
}
