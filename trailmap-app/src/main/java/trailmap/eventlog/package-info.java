/**
 * The durable event log: every accepted event is appended here, and acknowledged only once it is on
 * disk. Processors (profiles, event store) read it from their own stored position.
 */
package trailmap.eventlog;
