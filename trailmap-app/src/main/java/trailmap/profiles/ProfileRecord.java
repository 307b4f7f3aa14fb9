package trailmap.profiles;

import java.time.Instant;
import java.util.List;

/**
 * Everything a profile holds except its events.
 *
 * @param createdBy the messageId of the event that created it
 * @param createdAt that event's time
 * @param identities sorted by type, then value
 * @param traits sorted by name
 * @param merges oldest first
 */
public record ProfileRecord(
    ProfileId id,
    String createdBy,
    Instant createdAt,
    List<HeldIdentity> identities,
    List<TraitHistory> traits,
    List<MergeRecord> merges) {
  public ProfileRecord {
    identities = List.copyOf(identities);
    traits = List.copyOf(traits);
    merges = List.copyOf(merges);
  }
}
