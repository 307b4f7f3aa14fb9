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
  private static final Where NOWHERE = new Where(Optional.empty(), Optional.empty());

  private final JourneyMap before;
  private final JourneyMap after;
  private final List<MapChange> changes = new ArrayList<>();

  /** The stage id of every touchpoint of each map; the first stage wins for a duplicate id. */
  private final Map<String, String> beforeStageOf;

  private final Map<String, String> afterStageOf;

  private MapDiffer(JourneyMap before, JourneyMap after) {
    this.before = before;
    this.after = after;
    this.beforeStageOf = stageOfTouchpoints(before);
    this.afterStageOf = stageOfTouchpoints(after);
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
    static Where stage(String stage) {
      return new Where(Optional.of(stage), Optional.empty());
    }

    static Where touchpoint(String stage, String touchpoint) {
      return new Where(Optional.of(stage), Optional.of(touchpoint));
    }
  }

  /** One element at one place; records the changes about it. */
  private final class Subject {
    private final Element element;
    private final Where where;
    private final String item;

    Subject(Element element, Where where, String item) {
      this.element = element;
      this.where = where;
      this.item = item;
    }

    /** Records an addition; {@code description} becomes {@link MapChange#after()}. */
    void added(String description) {
      add(Kind.ADDED, Optional.empty(), Optional.empty(), Optional.of(description));
    }

    void removed(String description) {
      add(Kind.REMOVED, Optional.empty(), Optional.of(description), Optional.empty());
    }

    void moved(String field, Object was, Object now) {
      add(Kind.MOVED, Optional.of(field), Optional.of(was.toString()), Optional.of(now.toString()));
    }

    void field(String field, Optional<String> was, Optional<String> now) {
      if (!was.equals(now)) {
        add(Kind.CHANGED, Optional.of(field), was, now);
      }
    }

    void field(String field, String was, String now) {
      field(field, Optional.of(was), Optional.of(now));
    }

    /** A free-text field, where the empty text means "not set". */
    void text(String field, String was, String now) {
      field(field, ValueText.text(was), ValueText.text(now));
    }

    private void add(
        Kind kind, Optional<String> field, Optional<String> was, Optional<String> now) {
      changes.add(
          new MapChange(kind, element, where.stage(), where.touchpoint(), item, field, was, now));
    }
  }

  private Subject about(Element element, Where where, String item) {
    return new Subject(element, where, item);
  }

  private void mapFields() {
    Subject map = about(Element.MAP, NOWHERE, after.id());
    map.field("id", before.id(), after.id());
    map.field("name", before.name(), after.name());
    map.field("state", before.state().wireName(), after.state().wireName());
    map.text("description", before.description(), after.description());
    map.text("owner", before.owner(), after.owner());
    map.field(
        "reviewBy",
        before.reviewBy().map(Object::toString),
        after.reviewBy().map(Object::toString));
    map.field("improves", before.improves(), after.improves());
  }

  private void personas() {
    Pairing<Persona> pairing = Pairing.of(before.personas(), after.personas(), Persona::id);
    for (Pairing.Match<Persona> match : pairing.matches()) {
      Persona now = match.after();
      Subject persona = about(Element.PERSONA, NOWHERE, now.id());
      if (match.before().isEmpty()) {
        persona.added(now.name());
        continue;
      }
      Persona was = match.before().get();
      persona.field("name", was.name(), now.name());
      persona.text("description", was.description(), now.description());
      persona.field("goals", ValueText.list(was.goals()), ValueText.list(now.goals()));
      persona.field(
          "motivations", ValueText.list(was.motivations()), ValueText.list(now.motivations()));
    }
    for (Persona gone : pairing.unmatched()) {
      about(Element.PERSONA, NOWHERE, gone.id()).removed(gone.name());
    }
  }

  private void stages() {
    Pairing<Stage> pairing = Pairing.of(before.stages(), after.stages(), Stage::id);
    Set<String> reordered =
        Reordering.moved(ids(before.stages(), Stage::id), ids(after.stages(), Stage::id));
    for (Pairing.Match<Stage> match : pairing.matches()) {
      Stage now = match.after();
      Where where = Where.stage(now.id());
      Subject stage = about(Element.STAGE, where, now.id());
      if (match.before().isEmpty()) {
        stage.added(now.name());
        touchpoints(now, List.of());
        continue;
      }
      Stage was = match.before().get();
      if (reordered.contains(now.id())) {
        stage.moved("position", position(before.stages(), was), position(after.stages(), now));
      }
      stage.field("name", was.name(), now.name());
      stage.text("description", was.description(), now.description());
      entries(Element.GOAL, where, was.goals(), now.goals());
      kpis(where, was.kpis(), now.kpis());
      touchpoints(now, was.touchpoints());
      removedTouchpoints(was);
    }
    for (Stage gone : pairing.unmatched()) {
      about(Element.STAGE, Where.stage(gone.id()), gone.id()).removed(gone.name());
      removedTouchpoints(gone);
    }
  }

  /**
   * The touchpoints of a stage of the new map.
   *
   * @param old the touchpoints the same stage had in the old map, empty for a new stage
   */
  private void touchpoints(Stage stage, List<Touchpoint> old) {
    Set<String> reordered =
        Reordering.moved(ids(old, Touchpoint::id), ids(stage.touchpoints(), Touchpoint::id));
    for (Touchpoint now : stage.touchpoints()) {
      Where where = Where.touchpoint(stage.id(), now.id());
      Subject touchpoint = about(Element.TOUCHPOINT, where, now.id());
      Optional<Touchpoint> was = before.touchpoint(now.id());
      if (was.isEmpty()) {
        touchpoint.added(now.name());
        continue;
      }
      String wasIn = beforeStageOf.get(now.id());
      if (!wasIn.equals(stage.id())) {
        touchpoint.moved("stage", wasIn, stage.id());
      } else if (reordered.contains(now.id())) {
        touchpoint.moved("position", position(old, was.get()), position(stage.touchpoints(), now));
      }
      touchpoint(touchpoint, where, was.get(), now);
    }
  }

  /** The touchpoints of an old stage that are in no stage of the new map. */
  private void removedTouchpoints(Stage old) {
    for (Touchpoint gone : old.touchpoints()) {
      if (!afterStageOf.containsKey(gone.id())) {
        about(Element.TOUCHPOINT, Where.touchpoint(old.id(), gone.id()), gone.id())
            .removed(gone.name());
      }
    }
  }

  private void touchpoint(Subject touchpoint, Where where, Touchpoint was, Touchpoint now) {
    touchpoint.field("name", was.name(), now.name());
    touchpoint.field("channel", was.channel(), now.channel());
    touchpoint.field(
        "match", was.matcher().map(ValueText::matcher), now.matcher().map(ValueText::matcher));
    entries(Element.ACTION, where, was.actions(), now.actions());
    entries(Element.THOUGHT, where, was.thoughts(), now.thoughts());
    emotions(where, was.emotions(), now.emotions());
    painPoints(where, was.painPoints(), now.painPoints());
    entries(Element.OPPORTUNITY, where, was.opportunities(), now.opportunities());
    kpis(where, was.kpis(), now.kpis());
    entries(Element.BACKSTAGE, where, was.backstage(), now.backstage());
  }

  private void emotions(Where where, List<Emotion> was, List<Emotion> now) {
    Function<Emotion, String> persona = e -> e.persona().orElse("");
    Pairing<Emotion> pairing = Pairing.of(was, now, persona);
    for (Pairing.Match<Emotion> match : pairing.matches()) {
      Emotion feeling = match.after();
      Subject emotion = about(Element.EMOTION, where, persona.apply(feeling));
      if (match.before().isEmpty()) {
        emotion.added(ValueText.emotion(feeling));
        continue;
      }
      Emotion old = match.before().get();
      emotion.field("score", Integer.toString(old.score()), Integer.toString(feeling.score()));
      emotion.text("label", old.label(), feeling.label());
    }
    for (Emotion gone : pairing.unmatched()) {
      about(Element.EMOTION, where, persona.apply(gone)).removed(ValueText.emotion(gone));
    }
  }

  private void painPoints(Where where, List<PainPoint> was, List<PainPoint> now) {
    Pairing<PainPoint> pairing = Pairing.of(was, now, PainPoint::text);
    for (Pairing.Match<PainPoint> match : pairing.matches()) {
      PainPoint pain = match.after();
      Subject painPoint = about(Element.PAIN_POINT, where, pain.text());
      if (match.before().isEmpty()) {
        painPoint.added(pain.text());
        continue;
      }
      PainPoint old = match.before().get();
      painPoint.field("severity", old.severity().wireName(), pain.severity().wireName());
      painPoint.field(
          "backstage", ValueText.list(old.backstage()), ValueText.list(pain.backstage()));
      painPoint.field(
          "hypothesis",
          old.hypothesis().map(ValueText::hypothesis),
          pain.hypothesis().map(ValueText::hypothesis));
    }
    for (PainPoint gone : pairing.unmatched()) {
      about(Element.PAIN_POINT, where, gone.text()).removed(gone.text());
    }
  }

  private void kpis(Where where, List<Kpi> was, List<Kpi> now) {
    Pairing<Kpi> pairing = Pairing.of(was, now, Kpi::id);
    for (Pairing.Match<Kpi> match : pairing.matches()) {
      Kpi kpi = match.after();
      Subject subject = about(Element.KPI, where, kpi.id());
      if (match.before().isEmpty()) {
        subject.added(kpi.name());
        continue;
      }
      Kpi old = match.before().get();
      subject.field("name", old.name(), kpi.name());
      subject.text("metric", old.metric(), kpi.metric());
      subject.field("target", ValueText.number(old.target()), ValueText.number(kpi.target()));
      subject.field("current", ValueText.number(old.current()), ValueText.number(kpi.current()));
      subject.text("unit", old.unit(), kpi.unit());
      subject.field("better", direction(old), direction(kpi));
    }
    for (Kpi gone : pairing.unmatched()) {
      about(Element.KPI, where, gone.id()).removed(gone.name());
    }
  }

  /** Text entries of a lane, matched as a multiset: order does not matter, duplicates do. */
  private void entries(Element element, Where where, List<String> was, List<String> now) {
    Pairing<String> pairing = Pairing.of(was, now, Function.identity());
    for (Pairing.Match<String> match : pairing.matches()) {
      if (match.before().isEmpty()) {
        about(element, where, match.after()).added(match.after());
      }
    }
    for (String gone : pairing.unmatched()) {
      about(element, where, gone).removed(gone);
    }
  }

  private static String direction(Kpi kpi) {
    return kpi.better().name().toLowerCase(Locale.ROOT);
  }

  /** The 1-based place of an element in a list, by identity. */
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

  private static Map<String, String> stageOfTouchpoints(JourneyMap map) {
    Map<String, String> stageOf = new HashMap<>();
    map.stages().forEach(s -> s.touchpoints().forEach(t -> stageOf.putIfAbsent(t.id(), s.id())));
    return stageOf;
  }
}
