package trailmap.flows.format;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trailmap.flows.Cron;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.QuietHours;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.maps.PropertyCondition;
import trailmap.maps.format.ConditionReader;
import trailmap.maps.format.Fields;
import trailmap.maps.format.Node;
import trailmap.maps.format.Problems;
import trailmap.text.DurationText;

/**
 * Binds the top level of a flow file: header, trigger, entry rules, exits; steps via StepBinder.
 */
final class FlowBinder {
  static final List<String> FLOW_FIELDS =
      List.of(
          "id",
          "name",
          "version",
          "description",
          "priority",
          "holdout",
          "quietHours",
          "topic",
          "trigger",
          "entry",
          "steps",
          "goals",
          "exits");
  static final List<String> TRIGGER_FIELDS =
      List.of("event", "where", "touchpoint", "stage", "map", "segment", "schedule", "api");
  private static final List<String> ENTRY_FIELDS =
      List.of("reentry", "minimumGap", "audience", "maxTriggerAge");

  /** {@code entry.maxTriggerAge: none}: a trigger's event starts the flow however old it is. */
  static final String ANY_AGE = "none";

  private static final List<String> EXIT_FIELDS = List.of("event", "where", "traits");
  private static final List<String> QUIET_FIELDS = List.of("start", "end");
  private static final Pattern STEP_NAMED = Pattern.compile("step '([a-z0-9_-]+)'");

  private final Problems problems;

  FlowBinder(Problems problems) {
    this.problems = problems;
  }

  Optional<Flow> bind(Node root) {
    Optional<Fields> maybe = Fields.of(root, "flow", problems, FLOW_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = f.requiredText("id");
    Optional<String> name = f.requiredText("name");
    int version = f.integer("version").orElse(1);
    int priority = f.integer("priority").orElse(Flow.DEFAULT_PRIORITY);
    double holdout = f.number("holdout").orElse(0.0);
    String topic = f.text("topic").orElse("general");
    Optional<QuietHours> quiet = f.value("quietHours").flatMap(this::quietHours);
    boolean quietOk = !f.has("quietHours") || quiet.isPresent();
    Optional<Trigger> trigger;
    if (f.has("trigger")) {
      trigger = trigger(f.value("trigger").orElseThrow());
    } else {
      problems.add(root, "flow is missing required field 'trigger'");
      trigger = Optional.empty();
    }
    Optional<EntryRules> entry =
        f.value("entry").isPresent()
            ? entry(f.value("entry").orElseThrow())
            : Optional.of(EntryRules.ONCE);
    StepBinder steps = new StepBinder(problems, topic);
    Optional<List<Step>> bound = steps.bind(f, root);
    List<Exit> exits = new ArrayList<>();
    boolean exitsOk = true;
    Optional<Node.Arr> exitList = f.list("exits", "a list of exits");
    exitsOk &= !f.has("exits") || exitList.isPresent();
    for (Node item : exitList.map(Node.Arr::items).orElse(List.of())) {
      Optional<Exit> exit = exit(item);
      exit.ifPresent(exits::add);
      exitsOk &= exit.isPresent();
    }
    if (id.isEmpty()
        || name.isEmpty()
        || trigger.isEmpty()
        || entry.isEmpty()
        || bound.isEmpty()
        || !exitsOk
        || !quietOk
        || !problems.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Flow(
              id.get(),
              name.get(),
              version,
              f.text("description"),
              trigger.get(),
              entry.get(),
              bound.get(),
              exits,
              priority,
              holdout,
              quiet));
    } catch (IllegalArgumentException e) {
      // Graph rules name the step at fault: point at it.
      Matcher named = STEP_NAMED.matcher(e.getMessage());
      Node at = root;
      if (named.find()) {
        at = steps.nodeOf(named.group(1)).orElse(root);
      } else if (e.getMessage().contains(" -> ")) {
        at = steps.nodeOf(e.getMessage().replaceAll("^steps ([a-z0-9_-]+) .*$", "$1")).orElse(root);
      }
      problems.add(at, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Trigger> trigger(Node node) {
    Optional<Fields> maybe = Fields.of(node, "trigger", problems, TRIGGER_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    List<String> kinds =
        List.of("event", "touchpoint", "stage", "segment", "schedule", "api").stream()
            .filter(f::has)
            .toList();
    if (kinds.size() != 1) {
      problems.add(
          node,
          "trigger needs exactly one of event, touchpoint, stage, segment, schedule or api, has "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
      return Optional.empty();
    }
    String kind = kinds.getFirst();
    if (f.has("where") && !kind.equals("event")) {
      problems.add(f.value("where").orElseThrow(), "'where' applies to an event trigger only");
    }
    if (f.has("map") && !kind.equals("touchpoint") && !kind.equals("stage")) {
      problems.add(
          f.value("map").orElseThrow(), "'map' applies to touchpoint and stage triggers only");
    }
    return switch (kind) {
      case "event" -> eventMatch(f, "event", "trigger").map(Trigger.OnEvent::new);
      case "touchpoint", "stage" -> {
        Optional<String> map = f.requiredText("map");
        Optional<String> target = f.text(kind);
        if (map.isEmpty() || target.isEmpty()) {
          yield Optional.empty();
        }
        Node at = f.value(kind).orElseThrow();
        yield construct(
            at,
            () ->
                kind.equals("touchpoint")
                    ? new Trigger.TouchpointEntered(map.get(), target.get())
                    : new Trigger.StageEntered(map.get(), target.get()));
      }
      case "segment" ->
          f.text("segment")
              .flatMap(
                  s ->
                      construct(
                          f.value("segment").orElseThrow(), () -> new Trigger.SegmentEntered(s)));
      case "schedule" ->
          f.text("schedule")
              .flatMap(
                  s ->
                      construct(
                          f.value("schedule").orElseThrow(),
                          () -> new Trigger.Schedule(Cron.parse(s))));
      default -> {
        Node api = f.value("api").orElseThrow();
        if (!(api instanceof Node.Scalar s && Boolean.TRUE.equals(s.value()))) {
          problems.add(api, "'api' in trigger takes the value true");
          yield Optional.empty();
        }
        yield Optional.of(new Trigger.Api());
      }
    };
  }

  /** An event name under {@code field} with the object's {@code where}. */
  Optional<EventMatch> eventMatch(Fields f, String field, String context) {
    Optional<String> event;
    if (f.value(field).orElse(null) instanceof Node.Scalar named
        && named.value() instanceof String text
        && text.isBlank()) {
      problems.add(
          named,
          "'%s' in %s must name an event, was %s; write the tracked event's name, e.g. %s: Trial Started"
              .formatted(field, context, text.isEmpty() ? "empty" : "only spaces", field));
      event = Optional.empty();
    } else {
      event = f.requiredText(field);
    }
    Optional<List<PropertyCondition>> where =
        f.value("where").isPresent()
            ? ConditionReader.read(f.value("where").orElseThrow(), context, problems)
            : Optional.of(List.of());
    if (event.isEmpty() || where.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new EventMatch(event.get(), where.get()));
  }

  private Optional<EntryRules> entry(Node node) {
    Optional<Fields> maybe = Fields.of(node, "entry", problems, ENTRY_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<Boolean> reentry = bool(f, "reentry");
    Optional<Duration> gap = duration(f, "minimumGap");
    Optional<List<PropertyCondition>> audience =
        f.value("audience").isPresent()
            ? ConditionReader.read(f.value("audience").orElseThrow(), "entry audience", problems)
            : Optional.of(List.of());
    Optional<Optional<Duration>> maxAge = maxTriggerAge(f);
    if ((f.has("reentry") && reentry.isEmpty())
        || (f.has("minimumGap") && gap.isEmpty())
        || audience.isEmpty()
        || maxAge.isEmpty()) {
      return Optional.empty();
    }
    return construct(
        node, () -> new EntryRules(reentry.orElse(false), gap, audience.get(), maxAge.get()));
  }

  /**
   * {@code entry.maxTriggerAge}: the default when absent, empty inside for none, empty on error.
   */
  private Optional<Optional<Duration>> maxTriggerAge(Fields f) {
    if (!f.has("maxTriggerAge")) {
      return Optional.of(Optional.of(EntryRules.DEFAULT_MAX_TRIGGER_AGE));
    }
    Optional<String> text = f.text("maxTriggerAge");
    if (text.isPresent() && text.get().strip().equals(ANY_AGE)) {
      return Optional.of(Optional.empty());
    }
    return text.isEmpty()
        ? Optional.empty()
        : duration(f, "maxTriggerAge", "or none for any age").map(Optional::of);
  }

  private Optional<Exit> exit(Node node) {
    Optional<Fields> maybe = Fields.of(node, "exit", problems, EXIT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    if (f.has("event") == f.has("traits")) {
      problems.add(node, "an exit needs exactly one of 'event' or 'traits'");
      return Optional.empty();
    }
    if (f.has("event")) {
      return eventMatch(f, "event", "exit").map(Exit.OnEvent::new);
    }
    if (f.has("where")) {
      problems.add(f.value("where").orElseThrow(), "'where' applies to an event exit only");
      return Optional.empty();
    }
    return ConditionReader.read(f.value("traits").orElseThrow(), "exit", problems)
        .flatMap(traits -> construct(node, () -> new Exit.WhenTraits(traits)));
  }

  private Optional<QuietHours> quietHours(Node node) {
    Optional<Fields> maybe = Fields.of(node, "quietHours", problems, QUIET_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<LocalTime> start = time(f, "start", true);
    Optional<LocalTime> end = time(f, "end", true);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    return construct(node, () -> new QuietHours(start.get(), end.get()));
  }

  Optional<Boolean> bool(Fields f, String name) {
    Optional<Node> node = f.value(name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Node.Scalar s && s.value() instanceof Boolean b) {
      return Optional.of(b);
    }
    problems.add(
        node.get(),
        "'%s' in %s must be true or false, was %s"
            .formatted(name, f.context(), Fields.describe(node.get())));
    return Optional.empty();
  }

  Optional<Duration> duration(Fields f, String name) {
    return duration(f, name, "");
  }

  /** A duration field; {@code alternative} ("or none for any age") is named in its error. */
  private Optional<Duration> duration(Fields f, String name, String alternative) {
    Optional<String> text = f.text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> d = DurationText.parse(text.get());
    if (d.isEmpty()) {
      problems.add(
          f.value(name).orElseThrow(),
          "'%s' in %s must be a duration such as 30m, 1h, 2d or 1w%s, was '%s'"
              .formatted(
                  name,
                  f.context(),
                  alternative.isEmpty() ? "" : " (" + alternative + ")",
                  text.get()));
    }
    return d;
  }

  Optional<LocalTime> time(Fields f, String name, boolean required) {
    Optional<String> text = required ? f.requiredText(name) : f.text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(text.get()));
    } catch (DateTimeParseException e) {
      problems.add(
          f.value(name).orElseThrow(),
          "'%s' in %s must be a time of day as HH:MM (quote it in YAML: \"09:00\"), was '%s'"
              .formatted(name, f.context(), text.get()));
      return Optional.empty();
    }
  }

  <T> Optional<T> construct(Node at, java.util.function.Supplier<T> constructor) {
    return trailmap.maps.format.Construct.of(problems, at, constructor);
  }
}
