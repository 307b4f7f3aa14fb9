package trailmap.analytics.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import trailmap.analytics.EventTable;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Says which touchpoints of one or more maps each event of one table is.
 *
 * <pre>{@code
 * TouchpointMatching matching = TouchpointMatching.of(List.of(current, future), table);
 * for (int tp : matching.matches(event)) {
 *   TouchpointRef ref = matching.touchpoint(tp);
 * }
 * }</pre>
 *
 * <p>An event is a touchpoint when every criterion its {@link trailmap.maps.Matcher} sets holds
 * (event name, call type, channel, property conditions); a touchpoint without a matcher is never
 * matched. One event may match several touchpoints, of one map or of several. Touchpoints are
 * numbered from 0 in load order: the maps in the order given, each map's stages in order, each
 * stage's touchpoints in order — so the first match is the first touchpoint in map order.
 *
 * <p>Built against one table: names and channels are resolved to its dictionary ids once, and the
 * touchpoints are indexed by event name, so an event is only checked against the touchpoints that
 * name it (and those that name no event). Immutable and thread-safe after construction.
 */
public final class TouchpointMatching {
  private static final int[] NONE = new int[0];

  private final EventTable table;
  private final List<TouchpointRef> touchpoints;
  private final CompiledMatcher[] matchers;
  private final int[][] candidatesByName;

  private TouchpointMatching(
      EventTable table,
      List<TouchpointRef> touchpoints,
      CompiledMatcher[] matchers,
      int[][] candidatesByName) {
    this.table = table;
    this.touchpoints = List.copyOf(touchpoints);
    this.matchers = matchers;
    this.candidatesByName = candidatesByName;
  }

  /** The touchpoints of one map, matched against {@code table}. */
  public static TouchpointMatching of(JourneyMap map, EventTable table) {
    return of(List.of(map), table);
  }

  /** The touchpoints of several maps, numbered in the order the maps are given. */
  public static TouchpointMatching of(List<JourneyMap> maps, EventTable table) {
    List<TouchpointRef> refs = new ArrayList<>();
    List<CompiledMatcher> compiled = new ArrayList<>();
    for (int m = 0; m < maps.size(); m++) {
      JourneyMap map = maps.get(m);
      for (int s = 0; s < map.stages().size(); s++) {
        Stage stage = map.stages().get(s);
        for (int t = 0; t < stage.touchpoints().size(); t++) {
          Touchpoint touchpoint = stage.touchpoints().get(t);
          refs.add(new TouchpointRef(map.id(), m, stage.id(), s, touchpoint.id(), t));
          compiled.add(touchpoint.matcher().map(mt -> CompiledMatcher.of(mt, table)).orElse(null));
        }
      }
    }
    CompiledMatcher[] matchers = compiled.toArray(CompiledMatcher[]::new);
    return new TouchpointMatching(table, refs, matchers, index(matchers, table.names().size()));
  }

  /** For each name id, the touchpoints that may match an event of that name, ascending. */
  private static int[][] index(CompiledMatcher[] matchers, int names) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int n = 0; n < names; n++) {
      lists.add(new ArrayList<>());
    }
    for (int tp = 0; tp < matchers.length; tp++) {
      CompiledMatcher matcher = matchers[tp];
      if (matcher == null || matcher.impossible()) {
        continue;
      }
      if (matcher.name() == CompiledMatcher.ANY) {
        for (List<Integer> list : lists) {
          list.add(tp);
        }
      } else {
        lists.get(matcher.name()).add(tp);
      }
    }
    int[][] index = new int[names][];
    for (int n = 0; n < names; n++) {
      index[n] = lists.get(n).stream().mapToInt(Integer::intValue).toArray();
    }
    return index;
  }

  /**
   * Whether event {@code event} of {@code table} satisfies {@code matcher}, judged as {@link
   * #matches(int)} judges it (for a single matcher; resolves its name and channel on each call).
   */
  public static boolean satisfies(Matcher matcher, EventTable table, int event) {
    return CompiledMatcher.of(matcher, table).matches(table, event);
  }

  /** How many touchpoints the maps have; touchpoint numbers run from 0 to this - 1. */
  public int touchpoints() {
    return touchpoints.size();
  }

  /** The touchpoint numbered {@code touchpoint}. */
  public TouchpointRef touchpoint(int touchpoint) {
    return touchpoints.get(touchpoint);
  }

  /** Every touchpoint, in load order. */
  public List<TouchpointRef> refs() {
    return touchpoints;
  }

  /** The numbers of the touchpoints {@code event} matches, ascending; empty when none. */
  public int[] matches(int event) {
    int[] candidates = candidatesByName[table.name(event)];
    int[] found = NONE;
    int count = 0;
    for (int tp : candidates) {
      if (matchers[tp].matches(table, event)) {
        if (count == found.length) {
          found = Arrays.copyOf(found, Math.max(2, count * 2));
        }
        found[count++] = tp;
      }
    }
    return count == found.length ? found : Arrays.copyOf(found, count);
  }

  /** The first touchpoint (in load order) {@code event} matches, or -1 when it matches none. */
  public int first(int event) {
    for (int tp : candidatesByName[table.name(event)]) {
      if (matchers[tp].matches(table, event)) {
        return tp;
      }
    }
    return -1;
  }

  /** The first touchpoint of map {@code mapIndex} that {@code event} matches, or -1. */
  public int first(int event, int mapIndex) {
    for (int tp : candidatesByName[table.name(event)]) {
      if (touchpoints.get(tp).mapIndex() == mapIndex && matchers[tp].matches(table, event)) {
        return tp;
      }
    }
    return -1;
  }
}
