package trailmap.maps;

import java.util.Locale;

/** Whether a map describes the journey as it is today or as the team wants it to become. */
public enum MapState {
  CURRENT,
  FUTURE;

  /** The name used in map files: {@code current} or {@code future}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
