package trailmap.access;

/** What {@link ApiKeys#revoke} did. */
public enum Revocation {
  REVOKED,
  /** There is no key with that id. */
  NOT_FOUND,
  /** Refused: it is the only admin key, and without one nobody could manage keys again. */
  LAST_ADMIN
}
