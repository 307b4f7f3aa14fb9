package trailmap.segments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Membership writes inside a caller's segments.db transaction: the processor's rule answers and
 * flows' manual actions, recording a {@link MembershipChange} whenever membership flips.
 */
public final class Memberships {
  private Memberships() {}

  /** The rule's answer for a profile, as the processor computed it at {@code at} (epoch ms). */
  public static void ruleAnswer(
      Connection c, String segmentId, String profileId, boolean holds, long at)
      throws SQLException {
    apply(c, segmentId, profileId, Optional.of(holds), Optional.empty(), at, "rule");
  }

  static void apply(
      Connection c,
      String segmentId,
      String profileId,
      Optional<Boolean> ruleHolds,
      Optional<Boolean> manual,
      long at,
      String cause)
      throws SQLException {
    boolean holds = false;
    Integer manualNow = null;
    boolean member = false;
    boolean exists = false;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT rule_holds, manual, member FROM memberships"
                + " WHERE segment_id = ? AND profile_id = ?")) {
      s.setString(1, segmentId);
      s.setString(2, profileId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          exists = true;
          holds = r.getInt(1) == 1;
          manualNow = r.getObject(2) == null ? null : r.getInt(2);
          member = r.getInt(3) == 1;
        }
      }
    }
    boolean newHolds = ruleHolds.orElse(holds);
    Integer newManual = manualNow;
    if (manual.isPresent()) {
      newManual = manual.get() ? 1 : 0;
    }
    boolean newMember = newManual != null ? newManual == 1 : newHolds;
    if (!exists && !newMember && newManual == null) {
      return; // nothing to remember about a profile that never was in
    }
    if (!exists) {
      SegmentStore.update(
          c,
          "INSERT INTO memberships (segment_id, profile_id, rule_holds, manual, member)"
              + " VALUES (?, ?, 0, NULL, 0)",
          segmentId,
          profileId);
    }
    SegmentStore.update(
        c,
        "UPDATE memberships SET rule_holds = ?, manual = ?, member = ? WHERE segment_id = ?"
            + " AND profile_id = ?",
        newHolds ? 1 : 0,
        newManual,
        newMember ? 1 : 0,
        segmentId,
        profileId);
    if (newMember != member) {
      SegmentStore.update(
          c,
          newMember
              ? "UPDATE memberships SET entered_at = ?, left_at = NULL WHERE segment_id = ? AND profile_id = ?"
              : "UPDATE memberships SET left_at = ? WHERE segment_id = ? AND profile_id = ?",
          at,
          segmentId,
          profileId);
      SegmentStore.record(c, segmentId, profileId, newMember, at, cause);
    }
  }

  /** Segments the profile is a member of now. */
  public static List<String> of(Connection c, String profileId) throws SQLException {
    return SegmentStore.texts(
        c, "SELECT segment_id FROM memberships WHERE profile_id = ? AND member = 1", profileId);
  }
}
