package trailmap.maps;

import java.util.Locale;
import java.util.Optional;

/**
 * One difference between two journey maps, as a value the app can print or serialise as it is.
 *
 * <p>Where a change is: {@code stage} and {@code touchpoint} name the stage and touchpoint the
 * changed element is in <em>or is</em>, so every change about touchpoint {@code trial} (its name,
 * its pain points, its KPIs) carries {@code touchpoint = trial}. A touchpoint's stage is taken from
 * the new map, except for removed elements, which are placed where they were in the old map. Map
 * fields and personas have neither.
 *
 * @param kind added, removed, changed or moved
 * @param element what kind of thing changed
 * @param stage the id of the stage the element is in or is; empty for map fields and personas
 * @param touchpoint the id of the touchpoint the element is in or is; empty above touchpoints
 * @param item what identifies the element inside its location: the map, persona, stage, touchpoint
 *     or KPI id; the text of a pain point, goal, action, thought, opportunity or backstage entry;
 *     the persona id of an emotion (empty text for an emotion that applies to every persona)
 * @param field the field that changed, for {@link Kind#CHANGED} (e.g. {@code name}, {@code
 *     severity}, {@code target}) and {@link Kind#MOVED} ({@code stage} or {@code position}); empty
 *     for additions and removals
 * @param before the old value as text; for a removal, a short description of what was removed (a
 *     name or text); empty for additions and for a field that had no value
 * @param after the new value as text; for an addition, a short description of what was added; empty
 *     for removals and for a field that lost its value
 */
public record MapChange(
    Kind kind,
    Element element,
    Optional<String> stage,
    Optional<String> touchpoint,
    String item,
    Optional<String> field,
    Optional<String> before,
    Optional<String> after) {

  /** What happened to an element. */
  public enum Kind {
    /** The element is only in the new map. */
    ADDED("+"),
    /** The element is only in the old map. */
    REMOVED("-"),
    /** The element is in both maps, and {@code field} has another value. */
    CHANGED("~"),
    /**
     * A touchpoint now sits in another stage ({@code field} {@code stage}), or a stage or
     * touchpoint has another place in the order ({@code field} {@code position}, 1-based).
     */
    MOVED(">");

    private final String marker;

    Kind(String marker) {
      this.marker = marker;
    }

    /** The one-character marker of the text rendering: {@code + - ~ >}. */
    public String marker() {
      return marker;
    }

    /** The lower-case name for JSON and the CLI, e.g. {@code added}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What kind of thing a change is about. */
  public enum Element {
    /** A field of the map itself: id, name, state, description, owner, reviewBy, improves. */
    MAP("map"),
    PERSONA("persona"),
    STAGE("stage"),
    /** A goal of a stage (persona goals are a field of the persona). */
    GOAL("goal"),
    TOUCHPOINT("touchpoint"),
    ACTION("action"),
    THOUGHT("thought"),
    EMOTION("emotion"),
    PAIN_POINT("pain point"),
    OPPORTUNITY("opportunity"),
    /** A backstage process or team of a touchpoint. */
    BACKSTAGE("backstage"),
    /** A KPI of a stage (when {@code touchpoint} is empty) or of a touchpoint. */
    KPI("KPI");

    private final String label;

    Element(String label) {
      this.label = label;
    }

    /** The word used in the text rendering, e.g. {@code pain point}. */
    public String label() {
      return label;
    }

    /** The lower-case name for JSON and the CLI, e.g. {@code pain-point}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public MapChange {
    if (kind == null || element == null || item == null) {
      throw new IllegalArgumentException("a map change needs a kind, an element and an item");
    }
    stage = stage == null ? Optional.empty() : stage;
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
    field = field == null ? Optional.empty() : field;
    before = before == null ? Optional.empty() : before;
    after = after == null ? Optional.empty() : after;
    if ((kind == Kind.CHANGED || kind == Kind.MOVED) && field.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + kind.wireName() + " " + element.label() + " change must name its field");
    }
  }
}
