package trailmap.flows.format;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.Condition;
import trailmap.flows.EventMatch;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Wait;
import trailmap.maps.Scalar;
import trailmap.maps.format.ConditionReader;
import trailmap.maps.format.Fields;
import trailmap.maps.format.Node;
import trailmap.maps.format.Problems;
import trailmap.maps.format.Suggestions;
import trailmap.text.DurationText;

/**
 * Binds {@code steps} and {@code goals}. A step's {@code next} defaults to the step written after
 * it ({@code end}, or being last, ends the flow); {@code goals} are goal steps reached by their
 * event at any time, placed after the steps.
 */
final class StepBinder {
  static final List<String> KINDS =
      List.of(
          "wait",
          "split",
          "email",
          "sms",
          "push",
          "webhook",
          "setTrait",
          "addToSegment",
          "removeFromSegment",
          "goal");
  private static final List<String> STEP_FIELDS;

  static {
    List<String> fields = new ArrayList<>(List.of("id", "next"));
    fields.addAll(KINDS);
    STEP_FIELDS = List.copyOf(fields);
  }

  private static final List<String> WAIT_FIELDS =
      List.of("for", "time", "date", "event", "where", "timeout", "onTimeout");
  private static final List<String> SPLIT_FIELDS =
      List.of("branches", "otherwise", "variants", "holdout");
  private static final List<String> BRANCH_FIELDS = List.of("if", "next");
  private static final List<String> VARIANT_FIELDS = List.of("name", "weight", "next");
  private static final List<String> CONDITION_FIELDS =
      List.of("traits", "did", "where", "atLeast", "within", "not");
  private static final List<String> GOAL_FIELDS = List.of("id", "event", "where");

  private final Problems problems;
  private final String topic;
  private final FlowBinder helper;
  private final Map<String, Node> nodes = new HashMap<>();

  StepBinder(Problems problems, String topic) {
    this.problems = problems;
    this.topic = topic;
    this.helper = new FlowBinder(problems);
  }

  Optional<Node> nodeOf(String stepId) {
    return Optional.ofNullable(nodes.get(stepId));
  }

  Optional<List<Step>> bind(Fields flow, Node root) {
    if (!flow.has("steps")) {
      problems.add(root, "flow is missing required field 'steps'");
      return Optional.empty();
    }
    Optional<Node.Arr> steps = flow.list("steps", "a list of steps");
    Optional<Node.Arr> goals = flow.list("goals", "a list of goals");
    if (steps.isEmpty() || (flow.has("goals") && goals.isEmpty())) {
      return Optional.empty();
    }
    List<Node> items = steps.get().items();
    if (items.isEmpty()) {
      problems.add(steps.get(), "'steps' needs at least one step");
      return Optional.empty();
    }
    List<Optional<String>> ids = new ArrayList<>();
    for (Node item : items) {
      Optional<String> id =
          item instanceof Node.Obj obj
                  && obj.fields().get("id") != null
                  && obj.fields().get("id").value() instanceof Node.Scalar s
                  && s.value() != null
              ? Optional.of(String.valueOf(s.value()))
              : Optional.empty();
      id.ifPresent(i -> nodes.putIfAbsent(i, item));
      ids.add(id);
    }
    List<Step> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Optional<String> following = i + 1 < items.size() ? ids.get(i + 1) : Optional.empty();
      Optional<Step> step = step(items.get(i), following);
      step.ifPresent(out::add);
      ok &= step.isPresent();
    }
    for (Node item : goals.map(Node.Arr::items).orElse(List.of())) {
      Optional<Step> goal = goal(item);
      goal.ifPresent(out::add);
      ok &= goal.isPresent();
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  private Optional<Step> goal(Node item) {
    Optional<Fields> maybe = Fields.of(item, "goal", problems, GOAL_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = f.requiredText("id");
    id.ifPresent(i -> nodes.putIfAbsent(i, item));
    Optional<EventMatch> event = helper.eventMatch(f, "event", "goal");
    if (id.isEmpty() || event.isEmpty()) {
      return Optional.empty();
    }
    return helper.construct(item, () -> new Goal(id.get(), event));
  }

  private Optional<Step> step(Node item, Optional<String> following) {
    Optional<String> shownId =
        item instanceof Node.Obj o
                && o.fields().get("id") != null
                && o.fields().get("id").value() instanceof Node.Scalar s
            ? Optional.ofNullable(s.value()).map(String::valueOf)
            : Optional.empty();
    String context = shownId.map(i -> "step '" + i + "'").orElse("step");
    Optional<Fields> maybe = Fields.of(item, context, problems, STEP_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = f.requiredText("id");
    List<String> kinds = KINDS.stream().filter(f::has).toList();
    if (kinds.size() != 1) {
      problems.add(
          item,
          "%s needs exactly one of %s, has %s"
              .formatted(
                  context,
                  String.join(", ", KINDS),
                  kinds.isEmpty() ? "none" : String.join(", ", kinds)));
      return Optional.empty();
    }
    Optional<String> next = f.has("next") ? f.text("next").flatMap(StepBinder::target) : following;
    if (id.isEmpty() || (f.has("next") && f.text("next").isEmpty())) {
      return Optional.empty();
    }
    String kind = kinds.getFirst();
    Node body = f.value(kind).orElseThrow();
    String sid = id.get();
    if (kind.equals("split") && f.has("next")) {
      problems.add(
          f.value("next").orElseThrow(),
          "a split has no 'next'; its branches and 'otherwise' say where to go");
      return Optional.empty();
    }
    if (kind.equals("goal") && f.has("next")) {
      problems.add(
          f.value("next").orElseThrow(),
          "a goal has no 'next'; reaching it ends the flow as converted");
      return Optional.empty();
    }
    return switch (kind) {
      case "wait" ->
          until(body, context, next)
              .flatMap(u -> helper.construct(item, () -> new Wait(sid, u, next)));
      case "split" ->
          split(body, context, following)
              .flatMap(r -> helper.construct(item, () -> new Split(sid, r)));
      case "goal" -> {
        Optional<Fields> g =
            Fields.of(body, "goal of " + context, problems, List.of("event", "where"));
        if (g.isEmpty()) {
          yield Optional.empty();
        }
        Optional<EventMatch> event =
            g.get().has("event") ? helper.eventMatch(g.get(), "event", context) : Optional.empty();
        if (g.get().has("event") && event.isEmpty()) {
          yield Optional.empty();
        }
        yield helper.construct(item, () -> new Goal(sid, event));
      }
      default ->
          act(kind, body, context)
              .flatMap(a -> helper.construct(item, () -> new Action(sid, a, next)));
    };
  }

  static Optional<String> target(String text) {
    return text.equals("end") ? Optional.empty() : Optional.of(text);
  }

  private Optional<Wait.Until> until(Node body, String context, Optional<String> next) {
    if (body instanceof Node.Scalar s && s.value() != null) {
      String text = String.valueOf(s.value());
      Optional<Duration> d = DurationText.parse(text);
      if (d.isEmpty()) {
        problems.add(
            body,
            "'wait' in %s must be a duration such as 30m, 1h, 2d or 1w, was '%s'"
                .formatted(context, text));
        return Optional.empty();
      }
      return helper.construct(body, () -> new Wait.Until.Elapsed(d.get()));
    }
    Optional<Fields> maybe = Fields.of(body, "wait of " + context, problems, WAIT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    List<String> forms = List.of("for", "time", "date", "event").stream().filter(f::has).toList();
    boolean dateAndTime = forms.equals(List.of("time", "date"));
    if (forms.size() != 1 && !dateAndTime) {
      problems.add(
          body,
          "wait of %s needs one of for, time, date (with an optional time) or event, has %s"
              .formatted(context, forms.isEmpty() ? "none" : String.join(", ", forms)));
      return Optional.empty();
    }
    for (String only : List.of("where", "timeout", "onTimeout")) {
      if (f.has(only) && !forms.contains("event")) {
        problems.add(
            f.value(only).orElseThrow(),
            "'%s' applies to a wait for an event only".formatted(only));
        return Optional.empty();
      }
    }
    if (forms.contains("date")) {
      Optional<String> text = f.text("date");
      Optional<LocalTime> time = helper.time(f, "time", false);
      if (text.isEmpty() || (f.has("time") && time.isEmpty())) {
        return Optional.empty();
      }
      try {
        LocalDate date = LocalDate.parse(text.get());
        return Optional.of(new Wait.Until.Date(date, time.orElse(LocalTime.MIDNIGHT)));
      } catch (DateTimeParseException e) {
        problems.add(
            f.value("date").orElseThrow(),
            "'date' in wait of %s must be an ISO date such as 2025-12-24, was '%s'"
                .formatted(context, text.get()));
        return Optional.empty();
      }
    }
    return switch (forms.getFirst()) {
      case "for" ->
          helper
              .duration(f, "for")
              .flatMap(d -> helper.construct(body, () -> new Wait.Until.Elapsed(d)));
      case "time" -> helper.time(f, "time", true).map(Wait.Until.TimeOfDay::new);
      default -> {
        Optional<EventMatch> event = helper.eventMatch(f, "event", "wait of " + context);
        if (!f.has("timeout")) {
          problems.add(
              body,
              "a wait for an event in %s needs a 'timeout', e.g. timeout: 3d".formatted(context));
          yield Optional.empty();
        }
        Optional<Duration> timeout = helper.duration(f, "timeout");
        Optional<String> onTimeout =
            f.has("onTimeout") ? f.text("onTimeout").flatMap(StepBinder::target) : next;
        if (event.isEmpty() || timeout.isEmpty()) {
          yield Optional.empty();
        }
        yield helper.construct(
            body, () -> new Wait.Until.Event(event.get(), timeout.get(), onTimeout));
      }
    };
  }

  private Optional<Split.Rule> split(Node body, String context, Optional<String> following) {
    Optional<Fields> maybe = Fields.of(body, "split of " + context, problems, SPLIT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    if (f.has("branches") == f.has("variants")) {
      problems.add(
          body,
          "split of %s needs exactly one of 'branches' (conditions) or 'variants' (random)"
              .formatted(context));
      return Optional.empty();
    }
    if (f.has("branches")) {
      if (f.has("holdout")) {
        problems.add(
            f.value("holdout").orElseThrow(),
            "'holdout' applies to a random split ('variants') only");
        return Optional.empty();
      }
      List<Split.Branch> branches = new ArrayList<>();
      boolean ok = true;
      for (Node item :
          f.list("branches", "a list of branches").map(Node.Arr::items).orElse(List.of())) {
        Optional<Fields> b = Fields.of(item, "branch of " + context, problems, BRANCH_FIELDS);
        if (b.isEmpty()) {
          ok = false;
          continue;
        }
        Optional<Condition> condition = b.get().value("if").flatMap(c -> condition(c, context));
        Optional<String> next = b.get().requiredText("next");
        if (!b.get().has("if")) {
          problems.add(item, "branch of %s is missing required field 'if'".formatted(context));
        }
        if (condition.isEmpty() || next.isEmpty()) {
          ok = false;
          continue;
        }
        branches.add(new Split.Branch(condition.get(), target(next.get())));
      }
      Optional<String> otherwise =
          f.has("otherwise") ? f.text("otherwise").flatMap(StepBinder::target) : following;
      return ok
          ? helper.construct(body, () -> new Split.ByCondition(branches, otherwise))
          : Optional.empty();
    }
    List<Split.Variant> variants = new ArrayList<>();
    boolean ok = true;
    for (Node item :
        f.list("variants", "a list of variants").map(Node.Arr::items).orElse(List.of())) {
      Optional<Fields> v = Fields.of(item, "variant of " + context, problems, VARIANT_FIELDS);
      if (v.isEmpty()) {
        ok = false;
        continue;
      }
      Optional<String> name = v.get().requiredText("name");
      int weight = v.get().integer("weight").orElse(1);
      Optional<String> next = v.get().requiredText("next");
      if (name.isEmpty() || next.isEmpty()) {
        ok = false;
        continue;
      }
      Optional<Split.Variant> variant =
          helper.construct(item, () -> new Split.Variant(name.get(), weight, target(next.get())));
      variant.ifPresent(variants::add);
      ok &= variant.isPresent();
    }
    double holdout = f.number("holdout").orElse(0.0);
    return ok
        ? helper.construct(body, () -> new Split.Random(variants, holdout))
        : Optional.empty();
  }

  private Optional<Condition> condition(Node node, String context) {
    Optional<Fields> maybe = Fields.of(node, "condition of " + context, problems, CONDITION_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    List<String> forms = List.of("traits", "did", "not").stream().filter(f::has).toList();
    if (forms.size() != 1) {
      problems.add(
          node,
          "a condition in %s needs exactly one of traits, did or not, has %s"
              .formatted(context, forms.isEmpty() ? "none" : String.join(", ", forms)));
      return Optional.empty();
    }
    return switch (forms.getFirst()) {
      case "traits" ->
          ConditionReader.read(f.value("traits").orElseThrow(), context, problems)
              .flatMap(t -> helper.construct(node, () -> new Condition.Traits(t)));
      case "not" -> condition(f.value("not").orElseThrow(), context).map(Condition.Not::new);
      default -> {
        Optional<EventMatch> event = helper.eventMatch(f, "did", context);
        int atLeast = f.integer("atLeast").orElse(1);
        Optional<Duration> within = helper.duration(f, "within");
        if (event.isEmpty() || (f.has("within") && within.isEmpty())) {
          yield Optional.empty();
        }
        yield helper.construct(node, () -> new Condition.Did(event.get(), atLeast, within));
      }
    };
  }

  private Optional<Act> act(String kind, Node body, String context) {
    if (kind.equals("addToSegment") || kind.equals("removeFromSegment")) {
      if (!(body instanceof Node.Scalar s && s.value() instanceof String segment)) {
        problems.add(
            body, "'%s' in %s takes a segment id, was %s".formatted(kind, context, body.kind()));
        return Optional.empty();
      }
      return helper.construct(body, () -> new Act.Segment(segment, kind.equals("addToSegment")));
    }
    List<String> allowed =
        switch (kind) {
          case "email" -> List.of("template", "subject", "to", "topic");
          case "sms" -> List.of("provider", "body", "to", "topic");
          case "push" -> List.of("provider", "title", "body", "to", "topic");
          case "webhook" -> List.of("url", "method", "body");
          default -> List.of("trait", "value");
        };
    Optional<Fields> maybe = Fields.of(body, kind + " of " + context, problems, allowed);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    String topicOf = f.text("topic").orElse(topic);
    Optional<String> to = f.text("to");
    return switch (kind) {
      case "email" -> {
        Optional<String> template = f.requiredText("template");
        Optional<String> subject = f.requiredText("subject");
        if (template.isEmpty() || subject.isEmpty()) {
          yield Optional.empty();
        }
        yield helper.construct(
            body, () -> new Message.Email(template.get(), subject.get(), to.orElse(null), topicOf));
      }
      case "sms" -> {
        Optional<String> provider = f.requiredText("provider");
        Optional<String> text = f.requiredText("body");
        if (provider.isEmpty() || text.isEmpty()) {
          yield Optional.empty();
        }
        yield helper.construct(
            body, () -> new Message.Sms(provider.get(), text.get(), to.orElse(null), topicOf));
      }
      case "push" -> {
        Optional<String> provider = f.requiredText("provider");
        Optional<String> title = f.requiredText("title");
        Optional<String> text = f.requiredText("body");
        if (provider.isEmpty() || title.isEmpty() || text.isEmpty()) {
          yield Optional.empty();
        }
        yield helper.construct(
            body,
            () ->
                new Message.Push(
                    provider.get(), title.get(), text.get(), to.orElse(null), topicOf));
      }
      case "webhook" -> {
        Optional<String> url = f.requiredText("url");
        Optional<String> method = f.text("method");
        if (url.isEmpty()) {
          yield Optional.empty();
        }
        if (method.isPresent()
            && !List.of("POST", "PUT", "PATCH", "GET", "DELETE").contains(method.get())) {
          problems.add(
              f.value("method").orElseThrow(),
              "'method' must be one of POST, PUT, PATCH, GET, DELETE, was '%s'%s"
                  .formatted(
                      method.get(),
                      Suggestions.hint(
                          method.get(), List.of("POST", "PUT", "PATCH", "GET", "DELETE"))));
          yield Optional.empty();
        }
        yield helper.construct(
            body, () -> new Act.Webhook(url.get(), method.orElse(null), f.text("body").orElse("")));
      }
      default -> {
        Optional<String> trait = f.requiredText("trait");
        Optional<Node> value = f.value("value");
        if (value.isEmpty()) {
          problems.add(body, "setTrait of %s is missing required field 'value'".formatted(context));
        }
        if (trait.isEmpty() || value.isEmpty()) {
          yield Optional.empty();
        }
        if (!(value.get() instanceof Node.Scalar s) || s.value() == null) {
          problems.add(
              value.get(),
              "'value' in setTrait of %s must be a text, number or boolean, was %s"
                  .formatted(context, value.get().kind()));
          yield Optional.empty();
        }
        Scalar scalar =
            switch (s.value()) {
              case String text -> new Scalar.Text(text);
              case Boolean b -> new Scalar.Bool(b);
              default -> new Scalar.Number(((Number) s.value()).doubleValue());
            };
        yield helper.construct(body, () -> new Act.UpdateTrait(trait.get(), scalar));
      }
    };
  }
}
