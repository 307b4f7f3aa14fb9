package trailmap.profiles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of profiles.db's {@code pending_erasures} and {@code pending_erasure_refs} tables: what
 * a deletion still has to erase outside profiles.db ({@link PendingErasure}). They hold profile ids
 * and SHA-256 hashes of the references that named the person, never an identity value or a trait,
 * and are deleted once every other store has erased the person.
 */
final class PendingErasureRows {
  private PendingErasureRows() {}

  /**
   * Records, in the deletion's transaction and before its rows go, that {@code profile} and every
   * profile merged into it must still be erased elsewhere; the hashes of every reference that named
   * them ({@link #key}) let a retry of the same {@code DELETE} find the record.
   */
  static void record(Connection c, ProfileId profile) throws SQLException {
    Set<String> erased = new LinkedHashSet<>(List.of(profile.value()));
    try (var q = c.prepareStatement("SELECT absorbed_id FROM merges WHERE profile_id = ?")) {
      q.setString(1, profile.value());
      try (var rows = q.executeQuery()) {
        while (rows.next()) {
          erased.add(rows.getString(1));
        }
      }
    }
    Set<String> refs = new LinkedHashSet<>(erased);
    try (var q = c.prepareStatement("SELECT type, value FROM identities WHERE profile_id = ?")) {
      q.setString(1, profile.value());
      try (var rows = q.executeQuery()) {
        while (rows.next()) {
          refs.add(rows.getString(1) + ":" + rows.getString(2));
        }
      }
    }
    for (String id : erased) {
      ProfileWriter.update(
          c,
          "INSERT OR IGNORE INTO pending_erasures (profile_id, erased_id) VALUES (?, ?)",
          profile.value(),
          id);
    }
    for (String ref : refs) {
      ProfileWriter.update(
          c,
          "INSERT OR IGNORE INTO pending_erasure_refs (ref_hash, profile_id) VALUES (?, ?)",
          ProfileStore.sha256(ref),
          profile.value());
    }
  }

  /** Every pending erasure, by profile id. */
  static List<PendingErasure> all(Connection c) throws SQLException {
    Map<String, Set<ProfileId>> byProfile = new LinkedHashMap<>();
    try (var q =
            c.prepareStatement(
                "SELECT profile_id, erased_id FROM pending_erasures ORDER BY profile_id");
        var rows = q.executeQuery()) {
      while (rows.next()) {
        byProfile
            .computeIfAbsent(rows.getString(1), k -> new LinkedHashSet<>())
            .add(new ProfileId(rows.getString(2)));
      }
    }
    List<PendingErasure> out = new ArrayList<>();
    byProfile.forEach((id, erased) -> out.add(new PendingErasure(new ProfileId(id), erased)));
    return out;
  }

  /** The pending erasures a reference named when its deletion ran. */
  static List<PendingErasure> namedBy(Connection c, ProfileRef ref) throws SQLException {
    Set<String> profiles = new LinkedHashSet<>();
    try (var q =
        c.prepareStatement("SELECT profile_id FROM pending_erasure_refs WHERE ref_hash = ?")) {
      q.setString(1, ProfileStore.sha256(key(ref)));
      try (var rows = q.executeQuery()) {
        while (rows.next()) {
          profiles.add(rows.getString(1));
        }
      }
    }
    return all(c).stream().filter(p -> profiles.contains(p.profile().value())).toList();
  }

  /** Forgets the record of {@code profile}'s erasure: every store has erased them. */
  static void finished(Connection c, ProfileId profile) throws SQLException {
    ProfileWriter.update(c, "DELETE FROM pending_erasures WHERE profile_id = ?", profile.value());
    ProfileWriter.update(
        c, "DELETE FROM pending_erasure_refs WHERE profile_id = ?", profile.value());
  }

  /** A reference as text, the form it was hashed in: a profile id, or {@code TYPE:VALUE}. */
  private static String key(ProfileRef ref) {
    return switch (ref) {
      case ProfileRef.ById byId -> byId.id().value();
      case ProfileRef.ByIdentity byIdentity ->
          byIdentity.identity().type().wireName() + ":" + byIdentity.identity().value();
    };
  }
}
