package trailmap.maps;

import java.util.List;

/**
 * What differs between two journey maps — two versions of one map, or a current-state and a
 * future-state map — and how far each KPI moves between them.
 *
 * <pre>{@code
 * MapDiff diff = MapDiff.between(current, future);
 * System.out.print(MapDiffText.render(diff));
 * }</pre>
 *
 * <p>Personas, stages and touchpoints are matched by id, pain points by text, emotions by persona,
 * KPIs by id within their stage or touchpoint, and list entries (goals, actions, thoughts,
 * opportunities, backstage) by text; order inside those lists is ignored. A touchpoint found in
 * another stage is {@link MapChange.Kind#MOVED moved}, not removed and added again. Only the
 * outermost added or removed element is reported: a new stage is one change, plus one per
 * touchpoint it holds (which may be moved in from another stage), not one per KPI inside it.
 *
 * <p>{@link #changes()} come in a fixed order: map fields; personas (new map's order, then removed
 * ones); then each stage of the new map in order — the stage itself, its goals and KPIs, each of
 * its touchpoints with their lanes (actions, thoughts, emotions, pain points, opportunities, KPIs,
 * backstage), then the touchpoints removed from it; last the removed stages, each followed by the
 * touchpoints removed with it. Within a lane, additions and changes come in the new map's order,
 * removals after them in the old map's order.
 *
 * @param changes every difference, in the order above; empty when the maps are the same
 * @param kpiGaps one entry per KPI of either map: KPIs of the new map in map order (each stage's
 *     own KPIs, then its touchpoints'), then KPIs only in the old map, in its order
 */
public record MapDiff(List<MapChange> changes, List<KpiGap> kpiGaps) {

  public MapDiff {
    changes = changes == null ? List.of() : List.copyOf(changes);
    kpiGaps = kpiGaps == null ? List.of() : List.copyOf(kpiGaps);
  }

  /**
   * Compares {@code before} (the old or current-state map) with {@code after}. Pure and
   * deterministic: equal inputs give equal diffs.
   *
   * @throws IllegalArgumentException if either map is null
   */
  public static MapDiff between(JourneyMap before, JourneyMap after) {
    if (before == null || after == null) {
      throw new IllegalArgumentException("MapDiff.between needs two maps, got null");
    }
    return new MapDiff(MapDiffer.changes(before, after), KpiGaps.between(before, after));
  }

  /** True when the maps differ in anything the diff compares; KPI gaps do not count. */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The changes of one kind, in diff order. */
  public List<MapChange> changes(MapChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }
}
