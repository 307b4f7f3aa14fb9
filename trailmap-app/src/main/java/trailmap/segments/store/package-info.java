/**
 * Segment definitions and memberships in {@code DATA_DIR/segments.db}: the current members with
 * their entered/left times, every transition in order (the feed flows listen to, kept 400 days),
 * the evidence each segment keeps per profile, the processor's log position, the map revisions it
 * follows and the instants at which a profile must be checked again. Depends on {@code
 * trailmap.store} and the segment format.
 */
package trailmap.segments.store;
