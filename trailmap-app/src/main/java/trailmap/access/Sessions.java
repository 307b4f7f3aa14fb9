package trailmap.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side web UI sessions, kept in memory: a restart signs everybody out, which is the safe
 * failure. A session lives {@link #LIFETIME} and ends early when its key is revoked. Thread-safe.
 */
public final class Sessions {
  /** How long a sign-in lasts. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** Bounds memory: sign-ins beyond this evict expired sessions first, then are refused. */
  static final int MAX_SESSIONS = 10_000;

  private final ApiKeys keys;
  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** Live sessions one key may hold at once. */
  static final int MAX_SESSIONS_PER_KEY = 20;

  public Sessions(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** Signs in with a key's secret; empty when the secret is not a valid key. */
  public Optional<Session> signIn(String secret) {
    Optional<ApiKey> key = keys.authenticate(secret);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    // One key may hold a few sessions (browsers, devices); its oldest goes first, so signing in
    // again and again with one key can never fill the table and lock everyone else out.
    List<Session> ofKey =
        sessions.values().stream()
            .filter(s -> s.keyId().equals(key.get().id()))
            .sorted(java.util.Comparator.comparing(Session::expiresAt))
            .toList();
    for (int i = 0; i <= ofKey.size() - MAX_SESSIONS_PER_KEY; i++) {
      sessions.remove(ofKey.get(i).id());
    }
    if (sessions.size() >= MAX_SESSIONS) {
      Instant now = clock.instant();
      sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
      if (sessions.size() >= MAX_SESSIONS) {
        return Optional.empty();
      }
    }
    Session session =
        new Session(
            KeySecrets.randomBase64(32),
            key.get().id(),
            key.get().role(),
            clock.instant().plus(LIFETIME));
    sessions.put(session.id(), session);
    return Optional.of(session);
  }

  /** The live session with this id; empty when unknown, expired or its key was revoked. */
  public Optional<Session> find(String sessionId) {
    Session session = sessions.get(sessionId);
    if (session == null) {
      return Optional.empty();
    }
    if (!session.expiresAt().isAfter(clock.instant()) || keys.byId(session.keyId()).isEmpty()) {
      sessions.remove(sessionId);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  public void signOut(String sessionId) {
    sessions.remove(sessionId);
  }
}
