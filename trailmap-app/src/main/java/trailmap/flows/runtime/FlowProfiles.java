package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code flow_profiles} table: each profile's number in flows.db, given the first time the
 * runtime writes a row of theirs, never given again, and the key of their flow states, send
 * history, timeline and outbox rows (FlowSchema, the step that adds it). Numbers follow the order
 * in which people first reach a flow, so those who wake up together are keyed together.
 */
final class FlowProfiles {
  private FlowProfiles() {}

  /**
   * A profile's number, for statements that take the profile's id as their parameter: {@code NULL}
   * for a profile flows.db holds nothing of, which no row may be written with (the keyed columns
   * are {@code NOT NULL}) and which no row is read by.
   */
  static final String KEY = "(SELECT profile_key FROM flow_profiles WHERE profile_id = ?)";

  /**
   * A profile with its number, as only {@link #number} and {@link #read} give it, for the
   * statements that write rows keyed by the number: they bind it instead of looking it up again
   * with {@link #KEY} (a probe of the id's index per statement, half a dozen per timer), and cannot
   * be handed a number nobody holds. Good only inside the transaction that got it: an erasure
   * deletes the number.
   */
  static final class Numbered {
    private final long key;
    private final String id;

    private Numbered(long key, String id) {
      this.key = key;
      this.id = id;
    }

    long key() {
      return key;
    }

    String id() {
      return id;
    }
  }

  /**
   * The profile's number, given now unless it has one. Looked up first: the insert would write a
   * page of the id's index, at a random place, for every timer and step.
   */
  static Numbered number(Connection c, String profileId) throws SQLException {
    Optional<Long> key = Sql.one(c, LOOKUP, r -> r.getLong(1), profileId);
    if (key.isEmpty()) {
      Sql.update(c, "INSERT INTO flow_profiles (profile_id) VALUES (?)", profileId);
      key = Sql.one(c, LOOKUP, r -> r.getLong(1), profileId);
    }
    return new Numbered(key.orElseThrow(), profileId);
  }

  /**
   * The number {@code key} of {@code profileId} as a statement of the caller's transaction read it
   * from {@code flow_profiles} (with the profile's flow states: {@link FlowStates.Held#number}).
   */
  static Numbered read(long key, String profileId) {
    return new Numbered(key, profileId);
  }

  private static final String LOOKUP = "SELECT profile_key FROM flow_profiles WHERE profile_id = ?";
}
