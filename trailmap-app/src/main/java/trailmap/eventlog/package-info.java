/**
 * The durable event log: every accepted event is appended here, and acknowledged only once it is on
 * disk. Processors (profiles, event store) read it from their own stored position. Events can be
 * erased (personal-data erasure): segments are rewritten with tombstones, positions stay put.
 *
 * <p>API: {@link trailmap.eventlog.EventLog}, its embedded implementation {@link
 * trailmap.eventlog.FileEventLog} with {@link trailmap.eventlog.EventLogOptions}, and {@link
 * trailmap.eventlog.EventLogException}. Everything else (segments, frames, the writer, the dedup
 * set) is package-private machinery. Depends on the core's events and {@code trailmap.events.json}
 * only. Format and guarantees: docs/event-log.md.
 */
package trailmap.eventlog;
