/**
 * Interactions as values, in the Segment Spec's shape: {@link Event}, its JSON payloads as {@link
 * JsonValue}, and the pure rules around them (event time, junk identity values). JDK only.
 */
package trailmap.events;
