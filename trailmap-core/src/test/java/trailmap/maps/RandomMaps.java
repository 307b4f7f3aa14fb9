package trailmap.maps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random journey maps for property tests. Ids, names and texts come from small pools, so two maps
 * drawn independently share many personas, stages, touchpoints, KPIs and lane entries, and differ
 * in the rest — the interesting case for a diff. Ids are unique the way the reader enforces them
 * (touchpoints across the map, KPIs per owner, emotions per persona); lane texts and pain point
 * texts may repeat, as they may in a real file.
 */
final class RandomMaps {
  private static final List<String> PERSONAS = List.of("alex", "sam", "kim");
  private static final List<String> STAGES =
      List.of("awareness", "purchase", "retention", "advocacy");
  private static final List<String> TOUCHPOINTS =
      List.of("ad", "site", "trial", "pricing", "onboarding", "support");
  private static final List<String> KPIS = List.of("conv", "nps", "ttv");

  /** Emotion owners: a persona id, or the empty text for the emotion of every persona. */
  private static final List<String> FEELERS = List.of("", "alex", "sam", "kim");

  private static final List<String> TEXTS =
      List.of("Signs up", "Compares plans", "Calls us", "Waits");

  private RandomMaps() {}

  static Arbitrary<JourneyMap> maps() {
    Arbitrary<MapHeader> header =
        Combinators.combine(
                Arbitraries.of("saas", "saas-future"),
                Arbitraries.of("SaaS", "SaaS — future"),
                Arbitraries.of(MapState.class),
                Arbitraries.of("", "CX team"),
                Arbitraries.just(LocalDate.of(2027, 3, 31)).optional(),
                Arbitraries.just("saas-current").optional())
            .as(MapHeader::new);
    Arbitrary<List<Persona>> personas = distinct(PERSONAS, 1, 3, RandomMaps::persona);
    Arbitrary<List<StageBody>> stages = distinct(STAGES, 1, 4, RandomMaps::stage);
    Arbitrary<List<Placement>> touchpoints =
        distinct(TOUCHPOINTS, 0, TOUCHPOINTS.size(), RandomMaps::touchpoint);
    return Combinators.combine(header, personas, stages, touchpoints).as(RandomMaps::assemble);
  }

  private static JourneyMap assemble(
      MapHeader h, List<Persona> personas, List<StageBody> bodies, List<Placement> placed) {
    List<Stage> stages = new ArrayList<>();
    for (int s = 0; s < bodies.size(); s++) {
      int index = s;
      List<Touchpoint> touchpoints =
          placed.stream()
              .filter(p -> p.stage() % bodies.size() == index)
              .map(Placement::touchpoint)
              .toList();
      StageBody body = bodies.get(s);
      stages.add(new Stage(body.id(), body.name(), "", body.goals(), body.kpis(), touchpoints));
    }
    return new JourneyMap(
        h.id(), h.name(), h.state(), "", h.owner(), h.reviewBy(), h.improves(), personas, stages);
  }

  private record MapHeader(
      String id,
      String name,
      MapState state,
      String owner,
      Optional<LocalDate> reviewBy,
      Optional<String> improves) {}

  private record StageBody(String id, String name, List<String> goals, List<Kpi> kpis) {}

  /** A touchpoint and the index of the stage it goes to, modulo the number of stages. */
  private record Placement(int stage, Touchpoint touchpoint) {}

  private record Lanes(
      List<String> actions,
      List<String> thoughts,
      List<Emotion> emotions,
      List<PainPoint> painPoints,
      List<String> opportunities,
      List<Kpi> kpis,
      List<String> backstage) {}

  /**
   * {@code min..max} distinct ids of the pool in random order, each made into an element. Every id
   * of the pool gets an element and a coin; the ids whose coin says yes are kept (topped up to
   * {@code min} in pool order, cut at {@code max}). Plain combinators, no flatMap, so generation
   * stays fast and values shrink.
   */
  private static <T> Arbitrary<List<T>> distinct(
      List<String> pool, int min, int max, Function<String, Arbitrary<T>> element) {
    List<Arbitrary<Candidate<T>>> candidates =
        pool.stream()
            .map(
                id ->
                    Combinators.combine(element.apply(id), Arbitraries.of(true, false))
                        .as(Candidate<T>::new))
            .toList();
    Arbitrary<List<Candidate<T>>> drawn = Combinators.combine(candidates).as(List::copyOf);
    Arbitrary<List<Integer>> order =
        Arbitraries.shuffle(IntStream.range(0, pool.size()).boxed().toList());
    return Combinators.combine(drawn, order)
        .as(
            (values, positions) -> {
              List<Candidate<T>> inOrder = positions.stream().map(values::get).toList();
              List<T> kept = new ArrayList<>();
              // the kept ones, topped up with the first left out ones while fewer than min
              int missing =
                  Math.max(0, min - (int) inOrder.stream().filter(Candidate::keep).count());
              for (Candidate<T> candidate : inOrder) {
                if (candidate.keep()) {
                  kept.add(candidate.value());
                } else if (missing > 0) {
                  kept.add(candidate.value());
                  missing--;
                }
              }
              return List.copyOf(kept.subList(0, Math.min(max, kept.size())));
            });
  }

  private record Candidate<T>(T value, boolean keep) {}

  private static Arbitrary<Persona> persona(String id) {
    return Combinators.combine(Arbitraries.of("Alex", "Sam"), texts(), texts())
        .as((name, goals, motivations) -> new Persona(id, name, "", goals, motivations));
  }

  private static Arbitrary<StageBody> stage(String id) {
    return Combinators.combine(Arbitraries.of("Awareness", "Purchase"), texts(), kpis())
        .as((name, goals, kpis) -> new StageBody(id, name, goals, kpis));
  }

  private static Arbitrary<Placement> touchpoint(String id) {
    Arbitrary<Matcher> matcher =
        Arbitraries.of("Trial Started", "Plan Viewed")
            .map(
                event ->
                    new Matcher(
                        Optional.of(event),
                        Optional.of(EventType.TRACK),
                        Optional.empty(),
                        List.of()));
    Arbitrary<PainPoint> painPoint =
        Combinators.combine(
                Arbitraries.of("Too many fields", "Card needed", "Slow support"),
                Arbitraries.of(Severity.class),
                Arbitraries.of("Billing", "Support team").list().ofMaxSize(2))
            .as(
                (text, severity, backstage) ->
                    new PainPoint(text, severity, backstage, Optional.empty()));
    Arbitrary<Lanes> lanes =
        Combinators.combine(
                texts(),
                texts(),
                // As Touchpoint requires: one emotion for everyone, or one per named persona.
                distinct(FEELERS, 0, 3, RandomMaps::emotion)
                    .filter(
                        list ->
                            list.size() <= 1
                                || list.stream().allMatch(e -> e.persona().isPresent())),
                painPoint.list().ofMaxSize(3),
                texts(),
                kpis(),
                texts())
            .as(Lanes::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, STAGES.size() - 1),
            Arbitraries.of("Trial", "Pricing page"),
            Arbitraries.of("web", "email"),
            matcher.optional(),
            lanes)
        .as(
            (stage, name, channel, match, l) ->
                new Placement(
                    stage,
                    new Touchpoint(
                        id,
                        name,
                        channel,
                        match,
                        l.actions(),
                        l.thoughts(),
                        l.emotions(),
                        l.painPoints(),
                        l.opportunities(),
                        l.kpis(),
                        l.backstage())));
  }

  private static Arbitrary<Emotion> emotion(String persona) {
    return Combinators.combine(
            Arbitraries.integers().between(Emotion.MIN_SCORE, Emotion.MAX_SCORE),
            Arbitraries.of("", "curious", "frustrated"))
        .as(
            (score, label) ->
                new Emotion(
                    persona.isEmpty() ? Optional.empty() : Optional.of(persona), score, label));
  }

  private static Arbitrary<List<Kpi>> kpis() {
    return distinct(KPIS, 0, 2, RandomMaps::kpi);
  }

  private static Arbitrary<Kpi> kpi(String id) {
    Arbitrary<Optional<Double>> value = Arbitraries.of(0.8, 1.2, 25.0).optional();
    return Combinators.combine(
            Arbitraries.of("Conversion", "NPS"),
            value,
            Arbitraries.of("", "%"),
            value,
            Arbitraries.of(Kpi.Direction.class))
        .as(
            (name, target, unit, current, better) ->
                new Kpi(id, name, "", target, unit, current, better));
  }

  /** Entries of a text lane; duplicates are allowed, as in a real map. */
  private static Arbitrary<List<String>> texts() {
    return Arbitraries.of(TEXTS).list().ofMaxSize(3);
  }
}
