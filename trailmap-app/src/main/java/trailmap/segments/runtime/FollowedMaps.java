package trailmap.segments.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.maps.JourneyMap;
import trailmap.segments.Segment;
import trailmap.segments.SegmentEvidence;
import trailmap.store.Database;

/**
 * The maps the segments' stage and touchpoint rules name: their models, each parsed once per
 * revision rather than on every evaluation, and the revisions the stored evidence was built from
 * ({@code map_revisions} in segments.db), so a map saved since (even before a crash) has the
 * segments that read it rebuilt. Used by the processor's thread only, but {@link #latestRevisions}.
 */
final class FollowedMaps {
  private static final Logger LOG = LoggerFactory.getLogger(FollowedMaps.class);

  /** The revision of a map that does not exist. */
  static final String ABSENT = "";

  private final SegmentMaps source;
  private final Map<String, SegmentMaps.Revised> models = new HashMap<>();

  FollowedMaps(SegmentMaps source) {
    this.source = source;
  }

  /** The model as last refreshed; empty for a map that did not exist then. */
  Optional<JourneyMap> model(String mapId) {
    return Optional.ofNullable(models.get(mapId)).map(SegmentMaps.Revised::map);
  }

  /**
   * Refreshes the models of the maps {@code segments} read; for each whose revision differs from
   * the one their evidence was built from, stores the new revision and queues a backfill of every
   * segment reading it, all in one {@code commit}.
   *
   * @param commit runs the work in a transaction of segments.db; false when it did not
   * @return how many maps moved
   */
  int follow(Database db, List<Segment> segments, Predicate<Database.Work<Void>> commit) {
    Set<String> ids = mapIds(segments);
    if (ids.isEmpty()) {
      return 0;
    }
    Map<String, String> now = refresh(ids);
    Map<String, String> built = db.read(FollowedMaps::built);
    List<String> moved = new ArrayList<>();
    now.forEach(
        (id, revision) -> {
          if (!revision.equals(built.get(id))) {
            moved.add(id);
          }
        });
    if (moved.isEmpty()) {
      return 0;
    }
    List<String> rebuilt = new ArrayList<>();
    boolean done =
        commit.test(
            c -> {
              for (String mapId : moved) {
                update(
                    c,
                    "INSERT OR REPLACE INTO map_revisions (map_id, revision) VALUES (?, ?)",
                    mapId,
                    now.get(mapId));
                for (Segment segment : segments) {
                  if (SegmentEvidence.maps(segment.rule()).contains(mapId)) {
                    update(
                        c,
                        "INSERT OR REPLACE INTO backfills (segment_id, after) VALUES (?, '')",
                        segment.id());
                    rebuilt.add(segment.id());
                  }
                }
              }
              return null;
            });
    if (done) {
      LOG.info("segments: map revision moved for {}; rebuilding segments {}", moved, rebuilt);
    }
    return moved.size();
  }

  /**
   * Whether the evidence of {@code segments} is built from the latest revision of every map they
   * read. Safe from any thread.
   */
  boolean followsLatest(Database db, List<Segment> segments) {
    Map<String, String> latest = new HashMap<>();
    for (String mapId : mapIds(segments)) {
      latest.put(mapId, source.revision(mapId).orElse(ABSENT));
    }
    return db.read(FollowedMaps::built).entrySet().containsAll(latest.entrySet());
  }

  /**
   * Reloads the maps whose revision moved; answers each map's revision now, {@link #ABSENT} for
   * none.
   */
  private Map<String, String> refresh(Set<String> mapIds) {
    Map<String, String> revisions = new LinkedHashMap<>();
    for (String id : mapIds) {
      String now = source.revision(id).orElse(ABSENT);
      SegmentMaps.Revised held = models.get(id);
      if (!now.equals(held == null ? ABSENT : held.revision())) {
        Optional<SegmentMaps.Revised> latest =
            now.equals(ABSENT) ? Optional.empty() : source.latest(id);
        latest.ifPresentOrElse(m -> models.put(id, m), () -> models.remove(id));
      }
      SegmentMaps.Revised current = models.get(id);
      revisions.put(id, current == null ? ABSENT : current.revision());
    }
    return revisions;
  }

  private static Map<String, String> built(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (var s = c.prepareStatement("SELECT map_id, revision FROM map_revisions");
        var r = s.executeQuery()) {
      while (r.next()) {
        out.put(r.getString(1), r.getString(2));
      }
    }
    return out;
  }

  private static void update(Connection c, String sql, String... args) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static Set<String> mapIds(List<Segment> segments) {
    Set<String> ids = new LinkedHashSet<>();
    segments.forEach(s -> ids.addAll(new TreeSet<>(SegmentEvidence.maps(s.rule()))));
    return ids;
  }
}
