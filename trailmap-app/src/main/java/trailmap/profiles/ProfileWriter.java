package trailmap.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import trailmap.eventlog.EventLog.LogEntry;
import trailmap.events.Event;
import trailmap.events.json.EventJson;
import trailmap.events.json.JsonValues;
import trailmap.store.StatementCache;

/**
 * Applies one log entry to the profiles database, inside the caller's transaction: resolves its
 * identities, carries out the decision, stores the event on the timeline and its traits.
 */
final class ProfileWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final IdentityRules rules;
  private final StatementCache statements = new StatementCache();
  private final BatchIdentities known = new BatchIdentities();

  ProfileWriter(IdentityRules rules) {
    this.rules = rules;
  }

  /** Forgets what the last transaction learned; call as each transaction begins. */
  void startBatch() {
    known.clear();
  }

  /** Applies {@code entry}; answers the limit refusal its decision carried, if any. */
  Optional<LimitRefusal> apply(Connection c, LogEntry entry) throws SQLException {
    Event event = entry.event();
    List<Identity> identities = EventIdentities.of(event, rules);
    Resolution decision =
        IdentityResolver.resolve(identities, new SqlIdentityView(c, statements, known), rules);
    ProfileId profile;
    Optional<LimitRefusal> refused = Optional.empty();
    switch (decision) {
      case Resolution.Create create -> {
        profile = idFor(event, entry.position());
        statements.update(
            c,
            "INSERT INTO profiles (id, created_by, created_at) VALUES (?, ?, ?)",
            profile.value(),
            event.messageId(),
            event.timestamp().toString());
        claim(c, profile, create.identities(), event);
      }
      case Resolution.Attach attach -> {
        profile = attach.target();
        claim(c, profile, attach.added(), event);
        refused = attach.refused();
      }
      case Resolution.Merge merge -> {
        profile = merge.survivor();
        for (ProfileId absorbed : merge.absorbed()) {
          absorb(c, profile, absorbed, identities, event, entry.position());
        }
        claim(c, profile, merge.added(), event);
      }
    }
    statements.update(
        c,
        "INSERT INTO events (position, profile_id, message_id, type, name, channel, event_sec,"
            + " event_nano, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.position(),
        profile.value(),
        event.messageId(),
        event.type().wireName(),
        event.name().orElse(""),
        event.channel(),
        event.timestamp().getEpochSecond(),
        event.timestamp().getNano(),
        EventJson.write(event));
    for (TraitObservation trait : Traits.observedBy(event, entry.position())) {
      statements.update(
          c,
          "INSERT INTO traits (profile_id, name, value, event_sec, event_nano, position,"
              + " message_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
          profile.value(),
          trait.name(),
          json(trait),
          trait.at().getEpochSecond(),
          trait.at().getNano(),
          trait.position(),
          trait.messageId());
    }
    return refused;
  }

  private void absorb(
      Connection c,
      ProfileId survivor,
      ProfileId absorbed,
      List<Identity> identities,
      Event event,
      long position)
      throws SQLException {
    known.clear(); // identities move to the survivor: every cached holder and count may be stale
    for (String table : List.of("identities", "traits", "events", "merges")) {
      statements.update(
          c,
          "UPDATE " + table + " SET profile_id = ? WHERE profile_id = ?",
          survivor.value(),
          absorbed.value());
    }
    statements.update(c, "DELETE FROM profiles WHERE id = ?", absorbed.value());
    List<String> names = identities.stream().map(Identity::toString).toList();
    String list;
    try {
      list = MAPPER.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write identity names", e);
    }
    statements.update(
        c,
        "INSERT INTO merges (profile_id, absorbed_id, identities, message_id, event_time, position)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        survivor.value(),
        absorbed.value(),
        list,
        event.messageId(),
        event.timestamp().toString(),
        position);
  }

  private void claim(Connection c, ProfileId profile, List<Identity> added, Event event)
      throws SQLException {
    for (Identity identity : added) {
      statements.update(
          c,
          "INSERT INTO identities (type, value, profile_id, message_id, event_time)"
              + " VALUES (?, ?, ?, ?, ?)",
          identity.type().wireName(),
          identity.value(),
          profile.value(),
          event.messageId(),
          event.timestamp().toString());
      known.claimed(identity, profile);
    }
  }

  /**
   * A profile's id, derived from the event that created it, so that replaying the log into an empty
   * store gives the same ids (and a resumed processor the same as an uninterrupted one).
   */
  static ProfileId idFor(Event event, long position) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((position + "/" + event.messageId()).getBytes(StandardCharsets.UTF_8));
      return new ProfileId("p_" + HexFormat.of().formatHex(digest, 0, 10));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String json(TraitObservation trait) {
    try {
      return MAPPER.writeValueAsString(JsonValues.toNode(trait.value()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write trait " + trait.name(), e);
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement.executeUpdate();
    }
  }
}
