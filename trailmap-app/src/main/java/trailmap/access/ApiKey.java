package trailmap.access;

import java.time.Instant;

/**
 * A stored API key, without its secret (which is never stored, only its hash).
 *
 * @param id a short public id, safe to log and show (e.g. {@code key_3f9a1c2b7d})
 * @param label free text saying whom the key is for; empty when none was given
 */
public record ApiKey(String id, Role role, String label, Instant createdAt) {}
