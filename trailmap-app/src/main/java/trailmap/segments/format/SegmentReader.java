package trailmap.segments.format;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import trailmap.flows.EventMatch;
import trailmap.maps.PropertyCondition;
import trailmap.maps.format.ConditionReader;
import trailmap.maps.format.Fields;
import trailmap.maps.format.Node;
import trailmap.maps.format.NodeParser;
import trailmap.maps.format.Problems;
import trailmap.segments.Rule;
import trailmap.segments.Segment;
import trailmap.text.DurationText;

/**
 * Reads a segment from YAML or JSON text (docs/segments.md) and validates it completely: syntax,
 * unknown fields with a did-you-mean, required fields, counts, windows and conditions, each problem
 * at its line and column. Thread-safe.
 *
 * <pre>{@code
 * id: repeat-buyers
 * name: Repeat buyers
 * rule:
 *   all:
 *     - did: Order Completed
 *       atLeast: 2
 *       within: 30d
 *     - traits: {plan: pro}
 * }</pre>
 */
public final class SegmentReader {
  /** Larger than any hand-written segment; bounds memory on hostile input. */
  public static final int MAX_CHARS = 256 * 1024;

  static final List<String> SEGMENT_FIELDS = List.of("id", "name", "description", "rule");
  static final List<String> FORMS =
      List.of("traits", "did", "stage", "touchpoint", "all", "any", "not");
  static final List<String> RULE_FIELDS =
      List.of(
          "traits",
          "did",
          "where",
          "atLeast",
          "atMost",
          "within",
          "stage",
          "touchpoint",
          "map",
          "all",
          "any",
          "not");

  private final Problems problems;

  private SegmentReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * @param source the name used in problem locations, e.g. the file name or "request body"
   */
  public static SegmentReadResult read(String source, String text) {
    Problems problems = new Problems(source);
    if (text.length() > MAX_CHARS) {
      problems.add(
          1,
          1,
          "the segment is %,d characters, over the %,d limit".formatted(text.length(), MAX_CHARS));
      return new SegmentReadResult(Optional.empty(), problems.sorted());
    }
    Optional<Segment> segment =
        new NodeParser(problems, "segment", "a segment needs id, name and rule")
            .parse(text)
            .flatMap(root -> new SegmentReader(problems).segment(root));
    if (segment.isEmpty() && problems.isEmpty()) {
      problems.add(1, 1, "the segment could not be read");
    }
    return problems.isEmpty()
        ? new SegmentReadResult(segment, List.of())
        : new SegmentReadResult(Optional.empty(), problems.sorted());
  }

  private Optional<Segment> segment(Node root) {
    Optional<Fields> maybe = Fields.of(root, "segment", problems, SEGMENT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> id = f.requiredText("id");
    Optional<String> name = f.requiredText("name");
    f.text("description");
    Optional<Rule> rule;
    if (f.has("rule")) {
      rule = rule(f.value("rule").orElseThrow(), "the rule");
    } else {
      problems.add(root, "segment is missing required field 'rule'");
      rule = Optional.empty();
    }
    if (id.isEmpty() || name.isEmpty() || rule.isEmpty()) {
      return Optional.empty();
    }
    return construct(
        f.value("id").orElseThrow(), () -> new Segment(id.get(), name.get(), rule.get()));
  }

  private Optional<Rule> rule(Node node, String context) {
    Optional<Fields> maybe = Fields.of(node, context, problems, RULE_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    List<String> forms = FORMS.stream().filter(f::has).toList();
    if (forms.size() != 1) {
      problems.add(
          node,
          "%s needs exactly one of %s, has %s"
              .formatted(
                  context,
                  String.join(", ", FORMS),
                  forms.isEmpty() ? "none" : forms.stream().collect(Collectors.joining(", "))));
      return Optional.empty();
    }
    String form = forms.get(0);
    List<String> allowed =
        switch (form) {
          case "did" -> List.of("did", "where", "atLeast", "atMost", "within");
          case "stage" -> List.of("stage", "map");
          case "touchpoint" -> List.of("touchpoint", "map");
          default -> List.of(form);
        };
    for (Node.Field field : f.node().fields().values()) {
      if (!allowed.contains(field.name()) && RULE_FIELDS.contains(field.name())) {
        problems.add(
            field,
            "'%s' does not belong in a '%s' rule in %s".formatted(field.name(), form, context));
      }
    }
    return switch (form) {
      case "traits" ->
          ConditionReader.read(f.value("traits").orElseThrow(), context, problems)
              .flatMap(where -> construct(node, () -> new Rule.Traits(where)));
      case "did" -> did(node, f, context);
      case "stage" -> {
        Optional<String> stage = f.requiredText("stage");
        Optional<String> map = f.requiredText("map");
        yield stage.isPresent() && map.isPresent()
            ? construct(node, () -> new Rule.InStage(map.get(), stage.get()))
            : Optional.empty();
      }
      case "touchpoint" -> {
        Optional<String> tp = f.requiredText("touchpoint");
        Optional<String> map = f.requiredText("map");
        yield tp.isPresent() && map.isPresent()
            ? construct(node, () -> new Rule.ReachedTouchpoint(map.get(), tp.get()))
            : Optional.empty();
      }
      case "all", "any" -> {
        Optional<Node.Arr> list = f.list(form, "a list of rules");
        if (list.isEmpty()) {
          yield Optional.empty();
        }
        List<Rule> rules = new ArrayList<>();
        boolean ok = true;
        int i = 1;
        for (Node item : list.get().items()) {
          Optional<Rule> r = rule(item, "rule %d of '%s' in %s".formatted(i++, form, context));
          r.ifPresent(rules::add);
          ok &= r.isPresent();
        }
        if (!ok) {
          yield Optional.empty();
        }
        yield construct(
            list.get(), () -> form.equals("all") ? new Rule.All(rules) : new Rule.Any(rules));
      }
      case "not" -> rule(f.value("not").orElseThrow(), "'not' in " + context).map(Rule.Not::new);
      default -> throw new IllegalStateException("unknown rule form " + form);
    };
  }

  private Optional<Rule> did(Node node, Fields f, String context) {
    Optional<String> event = f.requiredText("did");
    Optional<List<PropertyCondition>> where =
        f.value("where").isPresent()
            ? ConditionReader.read(f.value("where").orElseThrow(), context, problems)
            : Optional.of(List.of());
    boolean least = f.has("atLeast");
    boolean most = f.has("atMost");
    if (least == most) {
      problems.add(
          node,
          "a 'did' rule in %s needs exactly one of atLeast or atMost (e.g. atLeast: 2)"
              .formatted(context));
      return Optional.empty();
    }
    String countField = least ? "atLeast" : "atMost";
    Optional<Integer> count = f.integer(countField);
    Optional<Duration> within = Optional.empty();
    if (!f.has("within")) {
      problems.add(
          node,
          "a 'did' rule in %s is missing required field 'within' (e.g. 30d)".formatted(context));
    } else {
      Optional<String> text = f.text("within");
      within = text.flatMap(DurationText::parse);
      if (text.isPresent() && within.isEmpty()) {
        problems.add(
            f.value("within").orElseThrow(),
            "'within' in %s must be a duration like 90s, 15m, 12h, 30d or 2w, was '%s'"
                .formatted(context, text.get()));
      }
    }
    if (event.isEmpty() || where.isEmpty() || count.isEmpty() || within.isEmpty()) {
      return Optional.empty();
    }
    Rule.Bound bound = least ? Rule.Bound.AT_LEAST : Rule.Bound.AT_MOST;
    Duration window = within.get();
    return construct(
        f.value(countField).orElseThrow(),
        () -> new Rule.Did(new EventMatch(event.get(), where.get()), bound, count.get(), window));
  }

  private <T> Optional<T> construct(Node at, java.util.function.Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException e) {
      problems.add(at, e.getMessage());
      return Optional.empty();
    }
  }
}
