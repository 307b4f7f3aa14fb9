package trailmap.sources;

import java.time.Instant;
import java.util.Optional;

/**
 * A source of events, without its write key (only the key's hash is stored).
 *
 * @param id public and stable, recorded on every event it sends (e.g. {@code src_3f9a1c2b7d})
 * @param name what the source is, e.g. {@code web}, {@code ios app}
 * @param channel the channel given to its events that do not name one in {@code context.channel}
 * @param revokedAt when its write key was revoked; empty while it works
 */
public record Source(
    String id, String name, String channel, Instant createdAt, Optional<Instant> revokedAt) {

  /** Longest name and channel accepted. */
  public static final int MAX_TEXT = 100;

  public Source {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a source needs an id");
    }
    if (name == null || name.isBlank() || name.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a source name must be 1-" + MAX_TEXT + " characters");
    }
    if (channel == null || channel.isBlank() || channel.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a source channel must be 1-" + MAX_TEXT + " characters");
    }
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }
}
