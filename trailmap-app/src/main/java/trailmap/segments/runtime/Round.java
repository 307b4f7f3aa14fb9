package trailmap.segments.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.segments.store.EvidenceRows;
import trailmap.segments.store.Memberships;

/**
 * What one transaction of the processor handles: the profiles to assess, and the profiles that are
 * gone (merged into another, or erased); then writing the outcome. Used by the processor's thread
 * only.
 */
final class Round {
  final Map<ProfileId, Assessor.Work> work = new LinkedHashMap<>();

  /** Gone profiles, each with the profile it was merged into (empty when erased). */
  final Map<ProfileId, Optional<ProfileId>> gone = new LinkedHashMap<>();

  /** The work for a profile, created empty. */
  Assessor.Work of(ProfileId id) {
    return work.computeIfAbsent(id, p -> new Assessor.Work());
  }

  /**
   * Looks up where the profile is now: still itself (assessed as it is), merged into another (gone;
   * the holder rebuilds every segment from its history, which now holds the merged events), or
   * erased (gone).
   */
  void locate(ProfileStore profiles, ProfileId id) {
    Optional<ProfileId> holder = profiles.resolve(new ProfileRef.ById(id));
    if (holder.isPresent() && holder.get().equals(id)) {
      of(id);
      return;
    }
    gone.put(id, holder);
    holder.ifPresent(h -> of(h).rebuildAll = true);
  }

  /**
   * Folds every merged profile into its holder and forgets every erased one, then stores the
   * answers: rule answers (with their transitions), changed evidence and next checks.
   */
  void write(Connection c, List<Assessor.Answer> answers, Instant now) throws SQLException {
    long at = now.toEpochMilli();
    for (Map.Entry<ProfileId, Optional<ProfileId>> g : gone.entrySet()) {
      if (g.getValue().isPresent()) {
        Memberships.fold(c, g.getKey().value(), g.getValue().get().value(), at);
      } else {
        Memberships.forget(c, g.getKey().value());
      }
    }
    for (Assessor.Answer a : answers) {
      for (Map.Entry<String, Assessor.Verdict> v : a.verdicts().entrySet()) {
        Memberships.ruleAnswer(c, v.getKey(), a.profileId(), v.getValue().holds(), at);
        if (v.getValue().evidenceChanged()) {
          EvidenceRows.replace(c, v.getKey(), a.profileId(), v.getValue().kept());
        }
      }
      try (var s =
          c.prepareStatement(
              a.recheck().isPresent()
                  ? "INSERT OR REPLACE INTO checks (profile_id, due_at) VALUES (?, ?)"
                  : "DELETE FROM checks WHERE profile_id = ?")) {
        s.setString(1, a.profileId());
        if (a.recheck().isPresent()) {
          s.setLong(2, a.recheck().get().toEpochMilli());
        }
        s.executeUpdate();
      }
    }
  }
}
