package trailmap.maps.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import trailmap.maps.JourneyMap;
import trailmap.maps.KpiGap;
import trailmap.maps.MapChange;
import trailmap.maps.MapDiff;

/**
 * The JSON shape of a {@link MapDiff}, shared by {@code trailmap map diff --json} and the HTTP API
 * so both answer the same document. Enum values are written by their lower-case wire names; absent
 * values are left out.
 */
public final class MapDiffJson {
  private MapDiffJson() {}

  /** {@code {"from": …, "to": …, "summary": …, "changes": […], "kpiGaps": […]}}. */
  public static Map<String, Object> toTree(MapDiff diff, JourneyMap before, JourneyMap after) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", mapRef(before));
    out.put("to", mapRef(after));
    Map<String, Object> summary = new LinkedHashMap<>();
    for (MapChange.Kind kind : MapChange.Kind.values()) {
      summary.put(kind.wireName(), diff.changes(kind).size());
    }
    out.put("summary", summary);
    out.put("changes", diff.changes().stream().map(MapDiffJson::change).toList());
    out.put("kpiGaps", diff.kpiGaps().stream().map(MapDiffJson::gap).toList());
    return out;
  }

  private static Map<String, Object> mapRef(JourneyMap map) {
    return Map.of("id", map.id(), "name", map.name(), "state", map.state().wireName());
  }

  private static Map<String, Object> change(MapChange c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", c.kind().wireName());
    out.put("element", c.element().wireName());
    c.stage().ifPresent(v -> out.put("stage", v));
    c.touchpoint().ifPresent(v -> out.put("touchpoint", v));
    out.put("item", c.item());
    c.field().ifPresent(v -> out.put("field", v));
    c.before().ifPresent(v -> out.put("before", v));
    c.after().ifPresent(v -> out.put("after", v));
    return out;
  }

  private static Map<String, Object> gap(KpiGap g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kpi", g.kpi());
    out.put("name", g.name());
    out.put("stage", g.stage());
    g.touchpoint().ifPresent(v -> out.put("touchpoint", v));
    out.put("presence", g.presence().wireName());
    g.before().ifPresent(v -> out.put("before", v));
    g.after().ifPresent(v -> out.put("after", v));
    g.gap().ifPresent(v -> out.put("gap", v));
    if (!g.unit().isEmpty()) {
      out.put("unit", g.unit());
    }
    out.put("better", g.better().name().toLowerCase(Locale.ROOT));
    g.improves().ifPresent(v -> out.put("improves", v));
    return out;
  }

  /** Convenience for callers that only need the list of changes (e.g. version history). */
  public static List<Map<String, Object>> changes(MapDiff diff) {
    return diff.changes().stream().map(MapDiffJson::change).toList();
  }
}
