package trailmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Collects events in arrival order and builds an {@link EventTable}. Profiles keep the order in
 * which their first event arrived; each profile's events are sorted by time, stable, so events with
 * equal times keep arrival order. Not thread-safe; one builder builds one table.
 */
public final class EventTableBuilder {
  private final Dictionary profiles = new Dictionary();
  private final Dictionary names = new Dictionary();
  private final Dictionary channels = new Dictionary();
  private final Dictionary sources = new Dictionary();
  private final Map<JsonValue.Obj, JsonValue.Obj> sharedProperties = new HashMap<>();
  private final Map<Integer, JsonValue.Obj> traits = new HashMap<>();
  private final List<JsonValue.Obj> properties = new ArrayList<>();
  private int[] profileOf = new int[1024];
  private long[] micros = new long[1024];
  private int[] nameOf = new int[1024];
  private byte[] typeOf = new byte[1024];
  private int[] channelOf = new int[1024];
  private int[] sourceOf = new int[1024];
  private int size;

  /**
   * Adds one event of the profile {@code profileId}.
   *
   * @param name the track event or page/screen name; "" when the call has none
   */
  public EventTableBuilder add(
      String profileId,
      long epochMicros,
      String name,
      EventType type,
      String channel,
      String source,
      JsonValue.Obj eventProperties) {
    if (size == micros.length) {
      grow();
    }
    profileOf[size] = profiles.intern(profileId);
    micros[size] = epochMicros;
    nameOf[size] = names.intern(name);
    typeOf[size] = (byte) type.ordinal();
    channelOf[size] = channels.intern(channel);
    sourceOf[size] = sources.intern(source);
    properties.add(sharedProperties.computeIfAbsent(eventProperties, p -> p));
    size++;
    return this;
  }

  /** Sets the profile's current traits; a profile without events is left out of the table. */
  public EventTableBuilder traits(String profileId, JsonValue.Obj profileTraits) {
    traits.put(profiles.intern(profileId), profileTraits);
    return this;
  }

  /** How many events were added so far. */
  public int size() {
    return size;
  }

  public EventTable build() {
    int profileCount = profiles.size();
    int[] counts = new int[profileCount + 1];
    for (int i = 0; i < size; i++) {
      counts[profileOf[i] + 1]++;
    }
    // Profiles with no events (traits only) get no rows; renumber the ones that have events.
    int[] newIndex = new int[profileCount];
    List<String> ids = new ArrayList<>();
    int[] starts = new int[profileCount + 1];
    int kept = 0;
    int offset = 0;
    for (int p = 0; p < profileCount; p++) {
      if (counts[p + 1] == 0) {
        newIndex[p] = -1;
        continue;
      }
      newIndex[p] = kept;
      ids.add(profiles.text(p));
      starts[kept] = offset;
      offset += counts[p + 1];
      kept++;
    }
    starts[kept] = offset;
    int[] order = new int[size];
    int[] next = Arrays.copyOf(starts, kept);
    for (int i = 0; i < size; i++) {
      order[next[newIndex[profileOf[i]]]++] = i;
    }
    for (int p = 0; p < kept; p++) {
      sortByTime(order, starts[p], starts[p + 1]);
    }
    JsonValue.Obj[] profileTraits = new JsonValue.Obj[kept];
    for (int p = 0; p < profileCount; p++) {
      if (newIndex[p] >= 0) {
        profileTraits[newIndex[p]] = traits.getOrDefault(p, JsonValue.Obj.EMPTY);
      }
    }
    long[] sortedMicros = new long[size];
    int[] sortedNames = new int[size];
    byte[] sortedTypes = new byte[size];
    int[] sortedChannels = new int[size];
    int[] sortedSources = new int[size];
    JsonValue.Obj[] sortedProperties = new JsonValue.Obj[size];
    for (int j = 0; j < size; j++) {
      int i = order[j];
      sortedMicros[j] = micros[i];
      sortedNames[j] = nameOf[i];
      sortedTypes[j] = typeOf[i];
      sortedChannels[j] = channelOf[i];
      sortedSources[j] = sourceOf[i];
      sortedProperties[j] = properties.get(i);
    }
    return new EventTable(
        ids.toArray(String[]::new),
        Arrays.copyOf(starts, kept + 1),
        profileTraits,
        sortedMicros,
        sortedNames,
        sortedTypes,
        sortedChannels,
        sortedSources,
        sortedProperties,
        names,
        channels,
        sources);
  }

  /** Stable sort of order[from, to) by time; events mostly arrive in order, so check first. */
  private void sortByTime(int[] order, int from, int to) {
    boolean sorted = true;
    for (int j = from + 1; j < to && sorted; j++) {
      sorted = micros[order[j - 1]] <= micros[order[j]];
    }
    if (sorted) {
      return;
    }
    Integer[] slice = new Integer[to - from];
    for (int j = from; j < to; j++) {
      slice[j - from] = order[j];
    }
    Arrays.sort(slice, Comparator.comparingLong((Integer i) -> micros[i])); // stable: TimSort
    for (int j = from; j < to; j++) {
      order[j] = slice[j - from];
    }
  }

  private void grow() {
    int capacity = micros.length * 2;
    profileOf = Arrays.copyOf(profileOf, capacity);
    micros = Arrays.copyOf(micros, capacity);
    nameOf = Arrays.copyOf(nameOf, capacity);
    typeOf = Arrays.copyOf(typeOf, capacity);
    channelOf = Arrays.copyOf(channelOf, capacity);
    sourceOf = Arrays.copyOf(sourceOf, capacity);
  }
}
