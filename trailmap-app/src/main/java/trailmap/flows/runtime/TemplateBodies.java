package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import trailmap.store.Database;

/**
 * The email bodies of templates, each saved body under a number that never changes ({@code
 * template_bodies}): the current body of a name, for the decisions, and any body by its number, for
 * the sender, which writes a queued email out from the body it was decided with and what its
 * placeholders read ({@link trailmap.flows.channels.Templates#fill}). So a template saved again
 * changes the emails decided after, not those already queued, and the outbox holds a number and a
 * few values instead of every rendered email.
 *
 * <p>Both are kept after their first read: reading the body again for every email was about 5 % of
 * a fired timer's time on the flow thread (trailmap-bench/README.md, session 15). {@link
 * FlowStore#saveTemplate}, the one writer of the table, forgets the name inside its own
 * transaction, and both run on flows.db's one writing connection, one transaction at a time: a
 * current body kept here is the one the table held at the last commit before the caller's
 * transaction began, as a read of the table would be. A numbered body never changes, so keeping it
 * needs no forgetting.
 */
final class TemplateBodies {
  /** More names (or numbers) than any set of flows refers to: past it the bodies are read again. */
  private static final int MAX_KEPT = 1_000;

  /** A body as saved: its number in {@code template_bodies} and its text. */
  record Body(long id, String text) {}

  private final ConcurrentHashMap<String, Optional<Body>> current = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Optional<String>> numbered = new ConcurrentHashMap<>();

  /**
   * The body saved last under {@code name} (empty when there is none). Call it inside a transaction
   * on flows.db's writing connection {@code c}, so that no change of the table can come in between.
   */
  Optional<Body> of(Connection c, String name) throws SQLException {
    Optional<Body> body = current.get(name);
    if (body == null) {
      body =
          Sql.one(
              c,
              "SELECT id, body FROM template_bodies WHERE name = ? ORDER BY id DESC LIMIT 1",
              r -> new Body(r.getLong(1), r.getString(2)),
              name);
      keep(current, name, body);
    }
    return body;
  }

  /** The body numbered {@code id} (empty when there is none, which no queued email names). */
  Optional<String> numbered(Connection c, long id) throws SQLException {
    Optional<String> body = numbered.get(id);
    if (body == null) {
      body = Sql.one(c, "SELECT body FROM template_bodies WHERE id = ?", r -> r.getString(1), id);
      if (body.isEmpty()) {
        return body; // not kept: nothing is saved under a number later, but say so only once read
      }
      keep(numbered, id, body);
    }
    return body;
  }

  /**
   * {@link #numbered(Connection, long)} for a reader outside any transaction (the sender): reads
   * through {@code db} only for a body not kept yet.
   */
  Optional<String> numbered(Database db, long id) {
    Optional<String> body = numbered.get(id);
    return body != null ? body : db.read(c -> numbered(c, id));
  }

  /** Saves {@code body} as the body of {@code name} from now on, in {@code c}'s transaction. */
  void save(Connection c, String name, String body) throws SQLException {
    // Forgotten inside the transaction: no decision can read the kept body between its commit and
    // the forgetting.
    current.remove(name);
    Sql.update(c, "INSERT INTO template_bodies (name, body) VALUES (?, ?)", name, body);
  }

  private static <K, V> void keep(ConcurrentHashMap<K, V> kept, K key, V value) {
    if (kept.size() >= MAX_KEPT) {
      kept.clear();
    }
    kept.put(key, value);
  }
}
