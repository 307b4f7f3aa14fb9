package trailmap.maps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trailmap.maps.MapChange.Element;
import trailmap.maps.MapChange.Kind;

/** Computes {@link MapDiff#changes()}; the order and matching rules are documented there. */
final class MapDiffer {
  private final JourneyMap before;
  private final JourneyMap after;
  private final List<MapChange> changes = new ArrayList<>();

  /** The stage id of every touchpoint of each map; the first stage wins for a duplicate id. */
  private final Map<String, String> beforeStageOf = new HashMap<>();

  private final Map<String, String> afterStageOf = new HashMap<>();

  private MapDiffer(JourneyMap before, JourneyMap after) {
    this.before = before;
    this.after = after;
    before
        .stages()
        .forEach(s -> s.touchpoints().forEach(t -> beforeStageOf.putIfAbsent(t.id(), s.id())));
    after
        .stages()
        .forEach(s -> s.touchpoints().forEach(t -> afterStageOf.putIfAbsent(t.id(), s.id())));
  }

  static List<MapChange> changes(JourneyMap before, JourneyMap after) {
    MapDiffer differ = new MapDiffer(before, after);
    differ.mapFields();
    differ.personas();
    differ.stages();
    return List.copyOf(differ.changes);
  }

  /** Where a change is: a stage, and a touchpoint in it, or neither. */
  private record Where(Optional<String> stage, Optional<String> touchpoint) {
    static final Where NOWHERE = new Where(Optional.empty(), Optional.empty());

    static Where stage(String stage) {
      return new Where(Optional.of(stage), Optional.empty());
    }

    static Where touchpoint(String stage, String touchpoint) {
      return new Where(Optional.of(stage), Optional.of(touchpoint));
    }
  }

  private void mapFields() {
    String item = after.id();
    field(Element.MAP, Where.NOWHERE, item, "id", Optional.of(before.id()), Optional.of(item));
    field(Element.MAP, Where.NOWHERE, item, "name", before.name(), after.name());
    field(
        Element.MAP,
        Where.NOWHERE,
        item,
        "state",
        before.state().wireName(),
        after.state().wireName());
    textField(
        Element.MAP, Where.NOWHERE, item, "description", before.description(), after.description());
    textField(Element.MAP, Where.NOWHERE, item, "owner", before.owner(), after.owner());
    field(
        Element.MAP,
        Where.NOWHERE,
        item,
        "reviewBy",
        before.reviewBy().map(Object::toString),
        after.reviewBy().map(Object::toString));
    field(Element.MAP, Where.NOWHERE, item, "improves", before.improves(), after.improves());
  }

  private void personas() {
    Pairing<Persona> pairing = Pairing.of(before.personas(), after.personas(), Persona::id);
    for (Pairing.Match<Persona> match : pairing.matches()) {
      Persona now = match.after();
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            Element.PERSONA,
            Where.NOWHERE,
            now.id(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(now.name()));
        continue;
      }
      Persona was = match.before().get();
      field(Element.PERSONA, Where.NOWHERE, now.id(), "name", was.name(), now.name());
      textField(
          Element.PERSONA,
          Where.NOWHERE,
          now.id(),
          "description",
          was.description(),
          now.description());
      field(
          Element.PERSONA,
          Where.NOWHERE,
          now.id(),
          "goals",
          ValueText.list(was.goals()),
          ValueText.list(now.goals()));
      field(
          Element.PERSONA,
          Where.NOWHERE,
          now.id(),
          "motivations",
          ValueText.list(was.motivations()),
          ValueText.list(now.motivations()));
    }
    for (Persona gone : pairing.unmatched()) {
      removed(Element.PERSONA, Where.NOWHERE, gone.id(), gone.name());
    }
  }

  private void stages() {
    Pairing<Stage> pairing = Pairing.of(before.stages(), after.stages(), Stage::id);
    Set<String> reordered =
        Reordering.moved(ids(before.stages(), Stage::id), ids(after.stages(), Stage::id));
    for (Pairing.Match<Stage> match : pairing.matches()) {
      Stage now = match.after();
      Where where = Where.stage(now.id());
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            Element.STAGE,
            where,
            now.id(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(now.name()));
        touchpoints(now, List.of());
        continue;
      }
      Stage was = match.before().get();
      if (reordered.contains(now.id())) {
        moved(
            Element.STAGE,
            where,
            now.id(),
            "position",
            position(before.stages(), was),
            position(after.stages(), now));
      }
      field(Element.STAGE, where, now.id(), "name", was.name(), now.name());
      textField(
          Element.STAGE, where, now.id(), "description", was.description(), now.description());
      entries(Element.GOAL, where, was.goals(), now.goals());
      kpis(where, was.kpis(), now.kpis());
      touchpoints(now, was.touchpoints());
    }
    for (Stage gone : pairing.unmatched()) {
      removed(Element.STAGE, Where.stage(gone.id()), gone.id(), gone.name());
      removedTouchpoints(gone);
    }
  }

  /** The touchpoints of a stage of the new map, then those that left the old stage for good. */
  private void touchpoints(Stage now, List<Touchpoint> stayedBefore) {
    Set<String> reordered =
        Reordering.moved(ids(stayedBefore, Touchpoint::id), ids(now.touchpoints(), Touchpoint::id));
    for (Touchpoint tp : now.touchpoints()) {
      Where where = Where.touchpoint(now.id(), tp.id());
      Optional<Touchpoint> was = before.touchpoint(tp.id());
      if (was.isEmpty()) {
        add(
            Kind.ADDED,
            Element.TOUCHPOINT,
            where,
            tp.id(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(tp.name()));
        continue;
      }
      String wasIn = beforeStageOf.get(tp.id());
      if (!wasIn.equals(now.id())) {
        moved(Element.TOUCHPOINT, where, tp.id(), "stage", wasIn, now.id());
      } else if (reordered.contains(tp.id())) {
        moved(
            Element.TOUCHPOINT,
            where,
            tp.id(),
            "position",
            position(stayedBefore, was.get()),
            position(now.touchpoints(), tp));
      }
      touchpoint(where, was.get(), tp);
    }
    before.stage(now.id()).ifPresent(this::removedTouchpoints);
  }

  /** The touchpoints of an old stage that are in no stage of the new map. */
  private void removedTouchpoints(Stage old) {
    for (Touchpoint tp : old.touchpoints()) {
      if (!afterStageOf.containsKey(tp.id())) {
        removed(Element.TOUCHPOINT, Where.touchpoint(old.id(), tp.id()), tp.id(), tp.name());
      }
    }
  }

  private void touchpoint(Where where, Touchpoint was, Touchpoint now) {
    String id = now.id();
    field(Element.TOUCHPOINT, where, id, "name", was.name(), now.name());
    field(Element.TOUCHPOINT, where, id, "channel", was.channel(), now.channel());
    field(
        Element.TOUCHPOINT,
        where,
        id,
        "match",
        was.matcher().map(ValueText::matcher),
        now.matcher().map(ValueText::matcher));
    entries(Element.ACTION, where, was.actions(), now.actions());
    entries(Element.THOUGHT, where, was.thoughts(), now.thoughts());
    emotions(where, was.emotions(), now.emotions());
    painPoints(where, was.painPoints(), now.painPoints());
    entries(Element.OPPORTUNITY, where, was.opportunities(), now.opportunities());
    kpis(where, was.kpis(), now.kpis());
    entries(Element.BACKSTAGE, where, was.backstage(), now.backstage());
  }

  private void emotions(Where where, List<Emotion> was, List<Emotion> now) {
    Pairing<Emotion> pairing = Pairing.of(was, now, e -> e.persona().orElse(""));
    for (Pairing.Match<Emotion> match : pairing.matches()) {
      Emotion emotion = match.after();
      String persona = emotion.persona().orElse("");
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            Element.EMOTION,
            where,
            persona,
            Optional.empty(),
            Optional.empty(),
            Optional.of(ValueText.emotion(emotion)));
        continue;
      }
      Emotion old = match.before().get();
      field(
          Element.EMOTION,
          where,
          persona,
          "score",
          Integer.toString(old.score()),
          Integer.toString(emotion.score()));
      textField(Element.EMOTION, where, persona, "label", old.label(), emotion.label());
    }
    for (Emotion gone : pairing.unmatched()) {
      removed(Element.EMOTION, where, gone.persona().orElse(""), ValueText.emotion(gone));
    }
  }

  private void painPoints(Where where, List<PainPoint> was, List<PainPoint> now) {
    Pairing<PainPoint> pairing = Pairing.of(was, now, PainPoint::text);
    for (Pairing.Match<PainPoint> match : pairing.matches()) {
      PainPoint pain = match.after();
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            Element.PAIN_POINT,
            where,
            pain.text(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(pain.text()));
        continue;
      }
      PainPoint old = match.before().get();
      field(
          Element.PAIN_POINT,
          where,
          pain.text(),
          "severity",
          old.severity().wireName(),
          pain.severity().wireName());
      field(
          Element.PAIN_POINT,
          where,
          pain.text(),
          "backstage",
          ValueText.list(old.backstage()),
          ValueText.list(pain.backstage()));
      field(
          Element.PAIN_POINT,
          where,
          pain.text(),
          "hypothesis",
          old.hypothesis().map(ValueText::hypothesis),
          pain.hypothesis().map(ValueText::hypothesis));
    }
    for (PainPoint gone : pairing.unmatched()) {
      removed(Element.PAIN_POINT, where, gone.text(), gone.text());
    }
  }

  private void kpis(Where where, List<Kpi> was, List<Kpi> now) {
    Pairing<Kpi> pairing = Pairing.of(was, now, Kpi::id);
    for (Pairing.Match<Kpi> match : pairing.matches()) {
      Kpi kpi = match.after();
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            Element.KPI,
            where,
            kpi.id(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(kpi.name()));
        continue;
      }
      Kpi old = match.before().get();
      field(Element.KPI, where, kpi.id(), "name", old.name(), kpi.name());
      textField(Element.KPI, where, kpi.id(), "metric", old.metric(), kpi.metric());
      field(
          Element.KPI,
          where,
          kpi.id(),
          "target",
          ValueText.number(old.target()),
          ValueText.number(kpi.target()));
      field(
          Element.KPI,
          where,
          kpi.id(),
          "current",
          ValueText.number(old.current()),
          ValueText.number(kpi.current()));
      textField(Element.KPI, where, kpi.id(), "unit", old.unit(), kpi.unit());
      field(Element.KPI, where, kpi.id(), "better", direction(old), direction(kpi));
    }
    for (Kpi gone : pairing.unmatched()) {
      removed(Element.KPI, where, gone.id(), gone.name());
    }
  }

  /** Text entries of a lane, matched as a multiset: order does not matter, duplicates do. */
  private void entries(Element element, Where where, List<String> was, List<String> now) {
    Pairing<String> pairing = Pairing.of(was, now, Function.identity());
    for (Pairing.Match<String> match : pairing.matches()) {
      if (match.before().isEmpty()) {
        add(
            Kind.ADDED,
            element,
            where,
            match.after(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(match.after()));
      }
    }
    for (String gone : pairing.unmatched()) {
      removed(element, where, gone, gone);
    }
  }

  private void field(
      Element element, Where where, String item, String field, String was, String now) {
    field(element, where, item, field, Optional.of(was), Optional.of(now));
  }

  /** A free-text field, where the empty text means "not set". */
  private void textField(
      Element element, Where where, String item, String field, String was, String now) {
    field(element, where, item, field, ValueText.text(was), ValueText.text(now));
  }

  private void field(
      Element element,
      Where where,
      String item,
      String field,
      Optional<String> was,
      Optional<String> now) {
    if (!was.equals(now)) {
      add(Kind.CHANGED, element, where, item, Optional.of(field), was, now);
    }
  }

  private void moved(
      Element element, Where where, String item, String field, Object was, Object now) {
    add(
        Kind.MOVED,
        element,
        where,
        item,
        Optional.of(field),
        Optional.of(was.toString()),
        Optional.of(now.toString()));
  }

  private void removed(Element element, Where where, String item, String description) {
    add(
        Kind.REMOVED,
        element,
        where,
        item,
        Optional.empty(),
        Optional.of(description),
        Optional.empty());
  }

  private void add(
      Kind kind,
      Element element,
      Where where,
      String item,
      Optional<String> field,
      Optional<String> was,
      Optional<String> now) {
    changes.add(
        new MapChange(kind, element, where.stage(), where.touchpoint(), item, field, was, now));
  }

  private static String direction(Kpi kpi) {
    return kpi.better().name().toLowerCase(Locale.ROOT);
  }

  /** The 1-based place of an element in a list, by identity of the element. */
  private static <T> int position(List<T> list, T element) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == element) {
        return i + 1;
      }
    }
    throw new IllegalStateException("element not in its own list: " + element);
  }

  private static <T> List<String> ids(List<T> elements, Function<T, String> id) {
    return elements.stream().map(id).toList();
  }
}
