package trailmap.maps.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Persona;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Binds a located {@link Node} tree to a {@link JourneyMap}, reporting every problem. The map is
 * built only when the whole file is valid.
 */
final class MapBinder {
  /** {@code $schema} is allowed so editors can find the JSON Schema; it is ignored. */
  static final List<String> MAP_FIELDS =
      List.of(
          "$schema",
          "id",
          "name",
          "state",
          "improves",
          "description",
          "owner",
          "reviewBy",
          "personas",
          "stages");

  static final List<String> PERSONA_FIELDS =
      List.of("id", "name", "description", "goals", "motivations");
  static final List<String> STAGE_FIELDS =
      List.of("id", "name", "description", "goals", "kpis", "touchpoints");
  static final List<String> TOUCHPOINT_FIELDS =
      List.of(
          "id",
          "name",
          "channel",
          "match",
          "actions",
          "thoughts",
          "emotion",
          "painPoints",
          "opportunities",
          "kpis",
          "backstage");

  private final Problems problems;
  private final IdRegistry ids;
  private final LaneBinder lanes;
  private final boolean stored;

  /**
   * @param stored true for a document the map store kept ({@link MapReader#readStored})
   */
  MapBinder(Problems problems, boolean stored) {
    this.problems = problems;
    this.stored = stored;
    this.ids = new IdRegistry(problems);
    this.lanes = new LaneBinder(problems, ids);
  }

  Optional<JourneyMap> bind(Node root) {
    Optional<Fields> maybe = Fields.of(root, "the map", problems, MAP_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = f.requiredText("id");
    id.ifPresent(v -> ids.checkForm("map", v, f.value("id").orElseThrow()));
    Optional<String> name = f.requiredText("name");
    Optional<MapState> state = state(f);
    Optional<String> improves = f.text("improves");
    improves.ifPresent(v -> ids.checkForm("improved map", v, f.value("improves").orElseThrow()));
    if (state.isPresent() && state.get() == MapState.FUTURE && improves.isEmpty()) {
      problems.add(
          f.value("state").orElseThrow(),
          "a future-state map must name the current-state map it improves on in 'improves'");
    }
    if (state.isPresent() && state.get() == MapState.CURRENT && improves.isPresent()) {
      problems.add(
          f.value("improves").orElseThrow(),
          "'improves' is only for future-state maps; remove it or set 'state: future'");
    }
    Optional<LocalDate> reviewBy = date(f, "reviewBy");

    List<Persona> personas = new ArrayList<>();
    Optional<Node.Arr> personaNodes = f.list("personas", "a list of personas");
    if (personaNodes.isEmpty() || personaNodes.get().items().isEmpty()) {
      problems.add(
          personaNodes.<Node>map(a -> a).orElse(f.node()),
          "the map needs at least one persona in 'personas'");
    }
    personaNodes.ifPresent(arr -> arr.items().forEach(n -> persona(n).ifPresent(personas::add)));

    List<Stage> stages = new ArrayList<>();
    Optional<Node.Arr> stageNodes = f.list("stages", "a list of stages");
    if (stageNodes.isEmpty() || stageNodes.get().items().isEmpty()) {
      problems.add(
          stageNodes.<Node>map(a -> a).orElse(f.node()),
          "the map needs at least one stage in 'stages'");
    }
    stageNodes.ifPresent(arr -> arr.items().forEach(n -> stage(n).ifPresent(stages::add)));

    ids.checkReferences();
    if (!problems.isEmpty() || id.isEmpty() || name.isEmpty() || state.isEmpty()) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        root,
        () ->
            new JourneyMap(
                id.get(),
                name.get(),
                state.get(),
                f.text("description").orElse(""),
                f.text("owner").orElse(""),
                reviewBy,
                improves,
                personas,
                stages));
  }

  private static Optional<MapState> state(Fields f) {
    return f.requiredEnum("state", MapState.class, MapState::wireName);
  }

  private Optional<LocalDate> date(Fields f, String name) {
    Optional<String> text = f.text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get()));
    } catch (DateTimeParseException e) {
      problems.add(
          f.value(name).orElseThrow(),
          "'%s' must be a date written YYYY-MM-DD, was '%s'".formatted(name, text.get()));
      return Optional.empty();
    }
  }

  private Optional<Persona> persona(Node node) {
    Optional<Fields> maybe =
        Fields.of(node, named("persona", node, "persona"), problems, PERSONA_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = declaredId(f, "persona", "persona");
    Optional<String> name = f.requiredText("name");
    List<String> goals = f.texts("goals");
    List<String> motivations = f.texts("motivations");
    if (id.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        node,
        () ->
            new Persona(
                id.get(), name.get(), f.text("description").orElse(""), goals, motivations));
  }

  private Optional<Stage> stage(Node node) {
    Optional<Fields> maybe = Fields.of(node, named("stage", node, "stage"), problems, STAGE_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = declaredId(f, "stage", "stage");
    String context = f.context();
    Optional<String> name = f.requiredText("name");
    List<String> goals = f.texts("goals");
    var kpis = lanes.kpis(f, context);
    List<Touchpoint> touchpoints = new ArrayList<>();
    f.list("touchpoints", "a list of touchpoints")
        .ifPresent(
            arr -> arr.items().forEach(n -> touchpoint(n, context).ifPresent(touchpoints::add)));
    if (id.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        node,
        () ->
            new Stage(
                id.get(), name.get(), f.text("description").orElse(""), goals, kpis, touchpoints));
  }

  private Optional<Touchpoint> touchpoint(Node node, String stageContext) {
    Optional<Fields> maybe =
        Fields.of(
            node,
            named("touchpoint", node, "touchpoint in " + stageContext),
            problems,
            TOUCHPOINT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = declaredId(f, "touchpoint", "touchpoint");
    String context = f.context();
    Optional<String> name = f.requiredText("name");
    Optional<String> channel = f.requiredText("channel");
    var matcher = f.value("match").flatMap(m -> MatcherBinder.bind(m, context, problems, stored));
    var actions = f.texts("actions");
    var thoughts = f.texts("thoughts");
    var emotions = lanes.emotions(f, context);
    var painPoints = lanes.painPoints(f, context, id);
    var opportunities = f.texts("opportunities");
    var kpis = lanes.kpis(f, context);
    var backstage = f.texts("backstage");
    if (id.isEmpty() || name.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        node,
        () ->
            new Touchpoint(
                id.get(),
                name.get(),
                channel.get(),
                matcher,
                actions,
                thoughts,
                emotions,
                painPoints,
                opportunities,
                kpis,
                backstage));
  }

  /**
   * "touchpoint 'cart'" when the element has a text id, else {@code fallback}: messages about an
   * element name it even before its id is validated.
   */
  private static String named(String kind, Node node, String fallback) {
    if (node instanceof Node.Obj obj
        && obj.fields().get("id") instanceof Node.Field id
        && id.value() instanceof Node.Scalar scalar
        && scalar.value() instanceof String text
        && !text.isBlank()) {
      return kind + " '" + text + "'";
    }
    return fallback;
  }

  /** Reads, checks and declares the required {@code id} of an element. */
  private Optional<String> declaredId(Fields f, String kind, String namespace) {
    Optional<String> id = f.requiredText("id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Node at = f.value("id").orElseThrow();
    if (!ids.checkForm(kind, id.get(), at)) {
      return Optional.empty();
    }
    ids.declare(namespace, kind, id.get(), at);
    return id;
  }
}
