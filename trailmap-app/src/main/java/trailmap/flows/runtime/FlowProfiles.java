package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;

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
   * Gives the profile its number unless it has one. Looked up first: the insert would write a page
   * of the id's index, at a random place, for every timer and step.
   */
  static void ensure(Connection c, String profileId) throws SQLException {
    if (Sql.one(c, "SELECT 1 FROM flow_profiles WHERE profile_id = ?", r -> 1, profileId)
        .isEmpty()) {
      Sql.update(c, "INSERT INTO flow_profiles (profile_id) VALUES (?)", profileId);
    }
  }
}
