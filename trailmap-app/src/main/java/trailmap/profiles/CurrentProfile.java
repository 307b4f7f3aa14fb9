package trailmap.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.events.JsonValue;

/**
 * A profile as it stands now, without its histories: what the flow runtime reads for every profile
 * it acts on ({@link ProfileStore#current}). {@link ProfileRecord} also holds every trait's history
 * and the merges, which a flow never looks at.
 *
 * @param id the profile's own id (an absorbed id asked for resolves to its holder)
 * @param traits each trait's current value, by name (sorted)
 * @param identities the identities the profile holds
 * @param events the recent events of the names asked for, in time order, ties in log order
 */
public record CurrentProfile(
    ProfileId id,
    Map<String, JsonValue> traits,
    List<Identity> identities,
    List<StoredEvent> events) {
  public CurrentProfile {
    traits = Collections.unmodifiableMap(new LinkedHashMap<>(traits)); // in the order given
    identities = List.copyOf(identities);
    events = List.copyOf(events);
  }
}
