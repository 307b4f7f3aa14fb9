package trailmap.maps;

import java.util.Locale;

/** How much a pain point hurts the customer, from an irritation to a journey breaker. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The name used in map files, e.g. {@code high}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
