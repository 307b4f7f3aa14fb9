package trailmap.maps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Segment Spec call types. */
public enum EventType {
  TRACK,
  IDENTIFY,
  PAGE,
  SCREEN,
  GROUP,
  ALIAS;

  /** The name used on the wire and in map files, e.g. {@code track}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this wire name, if any. */
  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
