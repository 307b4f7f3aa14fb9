package trailmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Events grouped by profile, as columns. Profile {@code p} owns the events {@code profileStart(p)}
 * (inclusive) to {@code profileEnd(p)} (exclusive), in event-time order; events with equal times
 * keep the order they arrived in. Built by {@link EventTableBuilder}; immutable.
 *
 * <p>Event indexes run from 0 to {@link #events()} - 1, profile indexes from 0 to {@link
 * #profiles()} - 1. Names, channels and sources are ids into the table's dictionaries.
 */
public final class EventTable {
  private final String[] profileIds;
  private final int[] profileStarts; // length profiles + 1
  private final JsonValue.Obj[] traits; // per profile
  private final long[] micros;
  private final int[] names;
  private final byte[] types;
  private final int[] channels;
  private final int[] sources;
  private final JsonValue.Obj[] properties;
  private final Dictionary nameDictionary;
  private final Dictionary channelDictionary;
  private final Dictionary sourceDictionary;

  EventTable(
      String[] profileIds,
      int[] profileStarts,
      JsonValue.Obj[] traits,
      long[] micros,
      int[] names,
      byte[] types,
      int[] channels,
      int[] sources,
      JsonValue.Obj[] properties,
      Dictionary nameDictionary,
      Dictionary channelDictionary,
      Dictionary sourceDictionary) {
    this.profileIds = profileIds;
    this.profileStarts = profileStarts;
    this.traits = traits;
    this.micros = micros;
    this.names = names;
    this.types = types;
    this.channels = channels;
    this.sources = sources;
    this.properties = properties;
    this.nameDictionary = nameDictionary;
    this.channelDictionary = channelDictionary;
    this.sourceDictionary = sourceDictionary;
  }

  /** How many profiles have at least one event. */
  public int profiles() {
    return profileIds.length;
  }

  /** How many events the table holds. */
  public int events() {
    return micros.length;
  }

  /** The profile's own id (as the profile store names it). */
  public String profileId(int profile) {
    return profileIds[profile];
  }

  /** The index of the profile's first event. */
  public int profileStart(int profile) {
    return profileStarts[profile];
  }

  /** One past the index of the profile's last event. */
  public int profileEnd(int profile) {
    return profileStarts[profile + 1];
  }

  /** The profile's current traits (last write wins by event time); empty when it has none. */
  public JsonValue.Obj traits(int profile) {
    return traits[profile];
  }

  /** The event's time, in microseconds since the epoch. */
  public long micros(int event) {
    return micros[event];
  }

  /** The event's name id in {@link #names()}: the track event or page/screen name, else "". */
  public int name(int event) {
    return names[event];
  }

  public EventType type(int event) {
    return EventTable.TYPES[types[event]];
  }

  /** The event's channel id in {@link #channels()}. */
  public int channel(int event) {
    return channels[event];
  }

  /** The event's source id in {@link #sources()}. */
  public int source(int event) {
    return sources[event];
  }

  /** The event's properties; identical property objects may be one shared instance. */
  public JsonValue.Obj properties(int event) {
    return properties[event];
  }

  public Dictionary names() {
    return nameDictionary;
  }

  public Dictionary channels() {
    return channelDictionary;
  }

  public Dictionary sources() {
    return sourceDictionary;
  }

  /**
   * The events {@code keepEvent} accepts, of the profiles {@code keepProfile} accepts, as a new
   * table with the same dictionaries; profiles left with no event are left out. Order is kept, so
   * the result obeys this class's contract. This is how an analysis's filters (channel, source,
   * property, trait) apply before it counts: a filtered-out event does not exist for it.
   *
   * @param keepEvent tested with this table's event indexes
   * @param keepProfile tested with this table's profile indexes
   */
  public EventTable select(IntPredicate keepEvent, IntPredicate keepProfile) {
    int[] kept = new int[events()];
    int keptCount = 0;
    List<String> ids = new ArrayList<>();
    List<JsonValue.Obj> keptTraits = new ArrayList<>();
    int[] starts = new int[profiles() + 1];
    for (int p = 0; p < profiles(); p++) {
      if (!keepProfile.test(p)) {
        continue;
      }
      int before = keptCount;
      for (int e = profileStart(p); e < profileEnd(p); e++) {
        if (keepEvent.test(e)) {
          kept[keptCount++] = e;
        }
      }
      if (keptCount > before) {
        starts[ids.size()] = before;
        ids.add(profileIds[p]);
        keptTraits.add(traits[p]);
      }
    }
    starts[ids.size()] = keptCount;
    long[] m = new long[keptCount];
    int[] n = new int[keptCount];
    byte[] t = new byte[keptCount];
    int[] c = new int[keptCount];
    int[] s = new int[keptCount];
    JsonValue.Obj[] props = new JsonValue.Obj[keptCount];
    for (int j = 0; j < keptCount; j++) {
      int e = kept[j];
      m[j] = micros[e];
      n[j] = names[e];
      t[j] = types[e];
      c[j] = channels[e];
      s[j] = sources[e];
      props[j] = properties[e];
    }
    return new EventTable(
        ids.toArray(String[]::new),
        Arrays.copyOf(starts, ids.size() + 1),
        keptTraits.toArray(JsonValue.Obj[]::new),
        m,
        n,
        t,
        c,
        s,
        props,
        nameDictionary,
        channelDictionary,
        sourceDictionary);
  }

  static final EventType[] TYPES = EventType.values();
}
