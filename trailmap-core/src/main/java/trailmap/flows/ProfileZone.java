package trailmap.flows;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import trailmap.events.JsonValue;

/**
 * A profile's own time zone, from its {@code timezone} trait: what quiet hours, times of day in
 * waits and schedule firings are reckoned in. The live runtime and dry runs read it here so both
 * put a profile in the same zone.
 *
 * <pre>{@code
 * ZoneId zone = ProfileZone.of(traits).orElse(ZoneOffset.UTC);
 * }</pre>
 */
public final class ProfileZone {
  /** The trait that names the zone. */
  public static final String TRAIT = "timezone";

  private ProfileZone() {}

  /**
   * The zone the trait names, as {@link ZoneId#of} reads it: a region ({@code Europe/Amsterdam},
   * case-sensitive), an offset ({@code +05:30}) or a prefixed offset ({@code UTC+2}). The trait is
   * read as every text trait is ({@link JsonValue.Obj#text}), so a number counts as its plain text
   * ({@code -5} is the offset -05:00, {@code 5} names no zone) and a boolean as {@code true} or
   * {@code false}.
   *
   * @return empty when the trait is missing, blank, null, a list or an object, or names no zone
   *     this JDK knows (an unknown region, a malformed id, an offset beyond ±18:00); the caller
   *     decides the fallback (the runtime uses UTC, a dry run its default zone)
   */
  public static Optional<ZoneId> of(JsonValue.Obj traits) {
    Optional<String> named = traits.text(TRAIT);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(named.get()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
