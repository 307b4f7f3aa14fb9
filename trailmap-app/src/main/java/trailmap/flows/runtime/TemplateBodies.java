package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The email bodies of {@code templates} by name, each read once and then kept, for the decisions
 * that render them: reading the body again for every email was about 5 % of a fired timer's time on
 * the flow thread (trailmap-bench/README.md, session 15). {@link FlowStore#saveTemplate}, the one
 * writer of the table, forgets the name inside its own transaction, and both run on flows.db's one
 * writing connection, one transaction at a time: a body kept here is the one the table held at the
 * last commit before the caller's transaction began, as a read of the table would be.
 */
final class TemplateBodies {
  /** More names than any set of flows refers to: past it the bodies are read again. */
  private static final int MAX_NAMES = 1_000;

  private final ConcurrentHashMap<String, Optional<String>> known = new ConcurrentHashMap<>();

  /**
   * The body stored under {@code name} (empty when there is none). Call it inside a transaction on
   * flows.db's writing connection {@code c}, so that no change of the table can come in between.
   */
  Optional<String> of(Connection c, String name) throws SQLException {
    Optional<String> body = known.get(name);
    if (body == null) {
      body = FlowStore.template(c, name);
      if (known.size() >= MAX_NAMES) {
        known.clear();
      }
      known.put(name, body);
    }
    return body;
  }

  /** The body of {@code name} changes: read it again next time. */
  void forget(String name) {
    known.remove(name);
  }
}
