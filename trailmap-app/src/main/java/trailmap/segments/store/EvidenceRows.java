package trailmap.segments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.segments.Evidence;

/**
 * The {@link Evidence} kept per segment and profile in segments.db ({@code evidence}), read and
 * replaced inside the caller's connection or transaction. An event's evidence is keyed by segment,
 * reader and log position, so storing it again replaces it.
 */
public final class EvidenceRows {
  private EvidenceRows() {}

  /** The profile's evidence by segment id, each list in reader, time and position order. */
  public static Map<String, List<Evidence>> of(Connection c, String profileId) throws SQLException {
    Map<String, List<Evidence>> out = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT segment_id, reader, at_sec, at_nano, position, stage FROM evidence"
                + " WHERE profile_id = ? ORDER BY segment_id, reader, at_sec, at_nano, position")) {
      s.setString(1, profileId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
              .add(
                  new Evidence(
                      r.getInt(2),
                      Instant.ofEpochSecond(r.getLong(3), r.getInt(4)),
                      r.getLong(5),
                      r.getString(6)));
        }
      }
    }
    return out;
  }

  /** Replaces the profile's evidence for the segment with {@code kept}. */
  public static void replace(Connection c, String segmentId, String profileId, List<Evidence> kept)
      throws SQLException {
    SegmentStore.update(
        c, "DELETE FROM evidence WHERE profile_id = ? AND segment_id = ?", profileId, segmentId);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT OR REPLACE INTO evidence"
                + " (segment_id, reader, position, profile_id, at_sec, at_nano, stage)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Evidence e : kept) {
        s.setString(1, segmentId);
        s.setInt(2, e.reader());
        s.setLong(3, e.position());
        s.setString(4, profileId);
        s.setLong(5, e.at().getEpochSecond());
        s.setInt(6, e.at().getNano());
        s.setString(7, e.stage());
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
