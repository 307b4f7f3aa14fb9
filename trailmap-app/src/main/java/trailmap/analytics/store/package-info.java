/**
 * Loads the analytics {@link trailmap.analytics.EventTable} (core) from a data directory: events as
 * {@code profiles.db} attributed them (so merges and deletions are honoured), with each profile's
 * current traits. {@link trailmap.analytics.store.EventTables} is the API; it reads through its own
 * SQLite connection, so a running server keeps serving meanwhile.
 */
package trailmap.analytics.store;
