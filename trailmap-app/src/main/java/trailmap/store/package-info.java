/**
 * The embedded transactional store: one SQLite database ({@code DATA_DIR/trailmap.db}, WAL mode)
 * with versioned schema migrations, holding maps with their version history and API keys. May
 * depend on trailmap-core and the JDK's JDBC; nothing here knows about HTTP.
 */
package trailmap.store;
