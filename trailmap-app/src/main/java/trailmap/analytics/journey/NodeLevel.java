package trailmap.analytics.journey;

import java.util.Locale;
import java.util.Optional;

/** What a node is in a journey query: an event name, a touchpoint or a stage of the map. */
enum NodeLevel {
  EVENTS(""),
  TOUCHPOINTS("touchpoint:"),
  STAGES("stage:");

  private final String prefix;

  NodeLevel(String prefix) {
    this.prefix = prefix;
  }

  /** The name in the query's {@code nodes} field, e.g. {@code touchpoints}. */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<NodeLevel> fromWireName(String name) {
    for (NodeLevel level : values()) {
      if (level.wireName().equals(name)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** The level a node reference is written at: {@code touchpoint:ID}, {@code stage:ID}, a name. */
  static NodeLevel of(String reference) {
    if (reference.startsWith(TOUCHPOINTS.prefix)) {
      return TOUCHPOINTS;
    }
    return reference.startsWith(STAGES.prefix) ? STAGES : EVENTS;
  }

  /** The node name without its prefix. */
  String strip(String reference) {
    return reference.substring(prefix.length());
  }
}
