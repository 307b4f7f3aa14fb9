package trailmap.segments.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
      ChangeHistory.record(c, segmentId, profileId, newMember, at, cause);
    }
  }

  /**
   * Identity resolution merged {@code absorbed} into {@code survivor}: a manual add or remove of
   * the absorbed profile moves to the survivor where the survivor has none of its own for that
   * segment, the absorbed profile leaves every segment it was in (cause {@code merged}), and its
   * memberships, evidence and check are deleted. The survivor's rule answers are the caller's to
   * recompute.
   */
  public static void fold(Connection c, String absorbed, String survivor, long at)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT segment_id, manual, member FROM memberships WHERE profile_id = ?"
                + " ORDER BY segment_id")) {
      s.setString(1, absorbed);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Object[] {
                r.getString(1), r.getObject(2) == null ? null : r.getInt(2) == 1, r.getInt(3) == 1
              });
        }
      }
    }
    for (Object[] row : rows) {
      String segmentId = (String) row[0];
      if (row[1] instanceof Boolean manual
          && SegmentStore.one(
                  c,
                  "SELECT 1 FROM memberships WHERE segment_id = ? AND profile_id = ?"
                      + " AND manual IS NOT NULL",
                  segmentId,
                  survivor)
              == null) {
        apply(c, segmentId, survivor, Optional.empty(), Optional.of(manual), at, "merged");
      }
      if ((Boolean) row[2]) {
        ChangeHistory.record(c, segmentId, absorbed, false, at, "merged");
      }
    }
    forgetState(c, absorbed);
  }

  /**
   * The profile was erased: deletes its memberships, evidence, check and every transition recorded
   * for it, leaving no row that names it.
   */
  public static void forget(Connection c, String profileId) throws SQLException {
    forgetState(c, profileId);
    SegmentStore.update(c, "DELETE FROM changes WHERE profile_id = ?", profileId);
  }

  private static void forgetState(Connection c, String profileId) throws SQLException {
    for (String table : List.of("memberships", "evidence", "checks")) {
      SegmentStore.update(c, "DELETE FROM " + table + " WHERE profile_id = ?", profileId);
    }
  }

  /** Segments the profile is a member of now. */
  public static List<String> of(Connection c, String profileId) throws SQLException {
    return SegmentStore.texts(
        c, "SELECT segment_id FROM memberships WHERE profile_id = ? AND member = 1", profileId);
  }
}
