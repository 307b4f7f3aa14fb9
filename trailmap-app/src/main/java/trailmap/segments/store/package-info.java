/**
 * Segment definitions and memberships in {@code DATA_DIR/segments.db}: the current members with
 * their entered/left times, every transition in order (the feed flows listen to), the processor's
 * log position and the instants at which a profile must be checked again. Depends on {@code
 * trailmap.store} and the segment format.
 */
package trailmap.segments.store;
