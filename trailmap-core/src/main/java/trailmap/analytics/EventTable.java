package trailmap.analytics;

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

  static final EventType[] TYPES = EventType.values();
}
