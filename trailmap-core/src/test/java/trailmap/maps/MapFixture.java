package trailmap.maps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A mutable builder of journey maps for tests: every method edits in place, and {@code stage(id)},
 * {@code touchpoint(id)}, {@code kpi(id)} and {@code persona(id)} return the existing element or
 * append a new one, so a test reads as the edit it makes.
 *
 * <pre>{@code
 * JourneyMap map = MapFixture.map("saas")
 *     .stage("purchase", s -> s.touchpoint("trial", t -> t.action("Signs up")))
 *     .build();
 * }</pre>
 *
 * Elements get a name derived from their id and a {@code web} channel unless the test says
 * otherwise; a map without personas gets one persona {@code alex}.
 */
final class MapFixture {
  private String id;
  private String name;
  private MapState state = MapState.CURRENT;
  private String description = "";
  private String owner = "";
  private Optional<LocalDate> reviewBy = Optional.empty();
  private Optional<String> improves = Optional.empty();
  private final List<PersonaFixture> personas = new ArrayList<>();
  private final List<StageFixture> stages = new ArrayList<>();

  private MapFixture(String id) {
    this.id = id;
    this.name = "Map " + id;
  }

  static MapFixture map(String id) {
    return new MapFixture(id);
  }

  /**
   * The sample most diff tests edit: two personas; awareness (goal, KPI, touchpoint ad with every
   * lane), purchase (trial, pricing) and an empty retention stage.
   */
  static MapFixture saas() {
    return map("saas")
        .name("SaaS")
        .owner("CX team")
        .persona("alex", p -> p.name("Alex"))
        .persona("sam", p -> p.name("Sam"))
        .stage(
            "awareness",
            s ->
                s.name("Awareness")
                    .goal("Know we exist")
                    .kpi("reach", k -> k.target(1000.0))
                    .touchpoint(
                        "ad",
                        t ->
                            t.name("LinkedIn ad")
                                .channel("ads")
                                .matchEvent("Ad Clicked")
                                .action("Clicks the ad")
                                .thought("Could this save me time?")
                                .emotion("alex", 1, "curious")
                                .painPoint("Ad overpromises", Severity.MEDIUM)
                                .opportunity("Show a video")
                                .kpi("ctr", k -> k.target(1.2).current(0.8).unit("%"))
                                .backstage("Agency")))
        .stage(
            "purchase",
            s ->
                s.name("Purchase")
                    .touchpoint("trial", t -> t.name("Free trial"))
                    .touchpoint("pricing", t -> t.name("Pricing page")))
        .stage("retention", s -> s.name("Retention"));
  }

  MapFixture id(String value) {
    id = value;
    return this;
  }

  MapFixture name(String value) {
    name = value;
    return this;
  }

  MapFixture state(MapState value) {
    state = value;
    return this;
  }

  MapFixture description(String value) {
    description = value;
    return this;
  }

  MapFixture owner(String value) {
    owner = value;
    return this;
  }

  MapFixture reviewBy(LocalDate value) {
    reviewBy = Optional.ofNullable(value);
    return this;
  }

  MapFixture improves(String value) {
    improves = Optional.ofNullable(value);
    return this;
  }

  PersonaFixture persona(String personaId) {
    return find(personas, p -> p.id, personaId, () -> new PersonaFixture(personaId));
  }

  MapFixture persona(String personaId, Consumer<PersonaFixture> edit) {
    edit.accept(persona(personaId));
    return this;
  }

  MapFixture removePersona(String personaId) {
    personas.removeIf(p -> p.id.equals(personaId));
    return this;
  }

  StageFixture stage(String stageId) {
    return find(stages, s -> s.id, stageId, () -> new StageFixture(stageId));
  }

  MapFixture stage(String stageId, Consumer<StageFixture> edit) {
    edit.accept(stage(stageId));
    return this;
  }

  MapFixture removeStage(String stageId) {
    stages.removeIf(s -> s.id.equals(stageId));
    return this;
  }

  /** Puts the stage at a 0-based index of the stage list. */
  MapFixture moveStage(String stageId, int index) {
    StageFixture stage = stage(stageId);
    stages.remove(stage);
    stages.add(index, stage);
    return this;
  }

  /** The touchpoint with this id in whichever stage holds it; fails when there is none. */
  TouchpointFixture touchpoint(String touchpointId) {
    return stages.stream()
        .flatMap(s -> s.touchpoints.stream())
        .filter(t -> t.id.equals(touchpointId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no touchpoint " + touchpointId));
  }

  /** Moves a touchpoint, with everything on it, to the end of another stage. */
  MapFixture moveTouchpoint(String touchpointId, String toStage) {
    TouchpointFixture tp = touchpoint(touchpointId);
    stages.forEach(s -> s.touchpoints.remove(tp));
    stage(toStage).touchpoints.add(tp);
    return this;
  }

  JourneyMap build() {
    List<Persona> builtPersonas =
        personas.isEmpty()
            ? List.of(new Persona("alex", "Alex", "", List.of(), List.of()))
            : personas.stream().map(PersonaFixture::build).toList();
    return new JourneyMap(
        id,
        name,
        state,
        description,
        owner,
        reviewBy,
        improves,
        builtPersonas,
        stages.stream().map(StageFixture::build).toList());
  }

  static <F> F find(
      List<F> list, Function<F, String> id, String wanted, java.util.function.Supplier<F> create) {
    for (F element : list) {
      if (id.apply(element).equals(wanted)) {
        return element;
      }
    }
    F created = create.get();
    list.add(created);
    return created;
  }
}
