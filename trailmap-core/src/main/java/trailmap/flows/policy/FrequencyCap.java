package trailmap.flows.policy;

import java.util.Optional;

/**
 * At most {@code max} messages per {@code window}, on one channel or (when {@code channel} is
 * empty) on all channels together, counted across all flows.
 */
public record FrequencyCap(Optional<String> channel, int max, CapWindow window) {
  public FrequencyCap {
    channel = channel == null ? Optional.empty() : channel;
    if (window == null) {
      throw new IllegalArgumentException("a frequency cap needs a window (day, week or month)");
    }
    if (max < 1 || max > 1000) {
      throw new IllegalArgumentException(
          "frequency cap max must be between 1 and 1000 per %s, was %d"
              .formatted(window.wireName(), max));
    }
  }

  public static FrequencyCap global(int max, CapWindow window) {
    return new FrequencyCap(Optional.empty(), max, window);
  }

  public static FrequencyCap on(String channel, int max, CapWindow window) {
    return new FrequencyCap(Optional.of(channel), max, window);
  }

  boolean covers(String messageChannel) {
    return channel.isEmpty() || channel.get().equals(messageChannel);
  }

  /** "email 3/week", "all channels 5/week". */
  public String label() {
    return channel.orElse("all channels") + " " + max + "/" + window.wireName();
  }
}
