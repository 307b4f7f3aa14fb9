package trailmap.access;

import java.time.Instant;

/**
 * A signed-in web UI session.
 *
 * @param id the random session id carried in the cookie
 * @param keyId the key that signed in; the session ends when that key is revoked
 */
public record Session(String id, String keyId, Role role, Instant expiresAt) {
  @Override
  public String toString() {
    return "Session[keyId=" + keyId + ", role=" + role + ", expiresAt=" + expiresAt + "]";
  }
}
