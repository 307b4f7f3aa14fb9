package trailmap.maps.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trailmap.maps.Emotion;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.Kpi;
import trailmap.maps.PainPoint;
import trailmap.maps.Severity;

/** Binds the lanes that carry structure: emotions, pain points with hypotheses, and KPIs. */
final class LaneBinder {
  static final List<String> EMOTION_FIELDS = List.of("persona", "score", "label");
  static final List<String> PAIN_POINT_FIELDS =
      List.of("text", "severity", "backstage", "hypothesis");
  static final List<String> HYPOTHESIS_FIELDS =
      List.of("claim", "metric", "touchpoint", "to", "atLeast", "atMost");
  static final List<String> KPI_FIELDS =
      List.of("id", "name", "metric", "target", "current", "unit", "better");

  private final Problems problems;
  private final IdRegistry ids;

  LaneBinder(Problems problems, IdRegistry ids) {
    this.problems = problems;
    this.ids = ids;
  }

  /** {@code emotion}: one object (for every persona) or a list with one entry per persona. */
  List<Emotion> emotions(Fields owner, String context) {
    Optional<Node> node = owner.value("emotion");
    if (node.isEmpty()) {
      return List.of();
    }
    boolean isList = node.get() instanceof Node.Arr;
    List<Node> items = node.get() instanceof Node.Arr arr ? arr.items() : List.of(node.get());
    if (isList && items.isEmpty()) {
      problems.add(
          node.get(), "'emotion' of " + context + " is an empty list; remove it or add an entry");
    }
    List<Emotion> emotions = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Node item : items) {
      Optional<Fields> maybe = Fields.of(item, "emotion of " + context, problems, EMOTION_FIELDS);
      if (maybe.isEmpty()) {
        continue;
      }
      Fields f = maybe.get();
      Optional<String> persona = f.text("persona");
      if (isList && persona.isEmpty()) {
        problems.add(
            item,
            "each entry of an emotion list of %s names its 'persona'; for all personas write one emotion object"
                .formatted(context));
      }
      persona.ifPresent(
          p -> ids.refer("persona", p, f.value("persona").orElseThrow(), "emotion of " + context));
      String key = persona.orElse("");
      Integer first = seen.putIfAbsent(key, item.line());
      if (first != null) {
        problems.add(
            item,
            "%s has a second emotion for %s (first at line %d); give one per persona"
                .formatted(
                    context,
                    persona.map(p -> "persona '" + p + "'").orElse("all personas"),
                    first));
      }
      if (!f.has("score")) {
        problems.add(item, "emotion of " + context + " is missing required field 'score' (-2..2)");
        continue;
      }
      Optional<Integer> score = f.integer("score");
      if (score.isEmpty()) {
        continue;
      }
      if (score.get() < Emotion.MIN_SCORE || score.get() > Emotion.MAX_SCORE) {
        problems.add(
            f.value("score").orElseThrow(),
            "emotion score must be between -2 and 2, was " + score.get());
        continue;
      }
      Construct.of(
              problems, item, () -> new Emotion(persona, score.get(), f.text("label").orElse("")))
          .ifPresent(emotions::add);
    }
    return emotions;
  }

  List<PainPoint> painPoints(Fields owner, String context, Optional<String> touchpointId) {
    List<PainPoint> result = new ArrayList<>();
    owner
        .list("painPoints", "a list of pain points")
        .ifPresent(
            arr -> {
              for (Node item : arr.items()) {
                painPoint(item, context, touchpointId).ifPresent(result::add);
              }
            });
    return result;
  }

  private Optional<PainPoint> painPoint(Node node, String context, Optional<String> touchpointId) {
    Optional<Fields> maybe =
        Fields.of(node, "pain point of " + context, problems, PAIN_POINT_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> text = f.requiredText("text");
    Optional<Severity> severity = f.enumValue("severity", Severity.class, Severity::wireName);
    List<String> backstage = f.texts("backstage");
    Optional<Hypothesis> hypothesis =
        f.value("hypothesis").flatMap(h -> hypothesis(h, context, touchpointId));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        node,
        () -> new PainPoint(text.get(), severity.orElse(Severity.MEDIUM), backstage, hypothesis));
  }

  private Optional<Hypothesis> hypothesis(
      Node node, String context, Optional<String> touchpointId) {
    String where = "hypothesis of " + context;
    Optional<Fields> maybe = Fields.of(node, where, problems, HYPOTHESIS_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> claim = f.requiredText("claim");
    Optional<HypothesisMetric> metric =
        f.requiredEnum("metric", HypothesisMetric.class, HypothesisMetric::wireName);
    Optional<String> touchpoint = f.text("touchpoint");
    touchpoint.ifPresent(
        t -> ids.refer("touchpoint", t, f.value("touchpoint").orElseThrow(), "hypothesis"));
    Optional<String> to = f.text("to");
    to.ifPresent(t -> ids.refer("touchpoint", t, f.value("to").orElseThrow(), "hypothesis"));
    Optional<Double> atLeast = f.number("atLeast");
    Optional<Double> atMost = f.number("atMost");
    if (!f.has("atLeast") && !f.has("atMost")) {
      problems.add(node, where + " needs a threshold: 'atLeast', 'atMost' or both");
      return Optional.empty();
    }
    if (atLeast.isPresent() && atMost.isPresent() && atLeast.get() > atMost.get()) {
      problems.add(
          node,
          "%s can never hold: atLeast %s is above atMost %s"
              .formatted(where, atLeast.get(), atMost.get()));
      return Optional.empty();
    }
    if (claim.isEmpty() || metric.isEmpty() || (atLeast.isEmpty() && atMost.isEmpty())) {
      return Optional.empty();
    }
    return Construct.of(
        problems,
        node,
        () -> new Hypothesis(claim.get(), metric.get(), touchpoint, to, atLeast, atMost));
  }

  /** {@code kpis} of a stage or touchpoint; ids default to a slug of the name. */
  List<Kpi> kpis(Fields owner, String context) {
    List<Kpi> result = new ArrayList<>();
    Optional<Node.Arr> list = owner.list("kpis", "a list of KPIs");
    if (list.isEmpty()) {
      return result;
    }
    for (Node item : list.get().items()) {
      Optional<Fields> maybe = Fields.of(item, "KPI of " + context, problems, KPI_FIELDS);
      if (maybe.isEmpty()) {
        continue;
      }
      Fields f = maybe.get();
      Optional<String> name = f.requiredText("name");
      Optional<String> id = f.text("id").or(() -> name.map(IdRegistry::slug));
      Node idAt = f.value("id").orElse(item);
      if (id.isPresent() && (id.get().isEmpty() || !ids.checkForm("KPI", id.get(), idAt))) {
        if (id.get().isEmpty()) {
          problems.add(
              item, "KPI of " + context + " needs an 'id' (its name has no letters or digits)");
        }
        continue;
      }
      id.ifPresent(v -> ids.declare("kpi of " + context, "KPI", v, idAt));
      Optional<Double> target = f.number("target");
      Optional<Double> current = f.number("current");
      Optional<Kpi.Direction> better =
          f.enumValue("better", Kpi.Direction.class, d -> d.name().toLowerCase(Locale.ROOT));
      if (name.isEmpty() || id.isEmpty()) {
        continue;
      }
      Construct.of(
              problems,
              item,
              () ->
                  new Kpi(
                      id.get(),
                      name.get(),
                      f.text("metric").orElse(""),
                      target,
                      f.text("unit").orElse(""),
                      current,
                      better.orElse(Kpi.Direction.HIGHER)))
          .ifPresent(result::add);
    }
    return result;
  }
}
