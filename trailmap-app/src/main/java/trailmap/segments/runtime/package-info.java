/**
 * Live segment membership: {@link trailmap.segments.runtime.SegmentProcessor} follows the event log
 * behind the profile processor and re-evaluates a profile's segments on each of its events, from
 * bounded evidence rather than its history, and when a behaviour window can next change it; it
 * rebuilds a segment's evidence after the segment or a map it reads ({@link
 * trailmap.segments.runtime.SegmentMaps}) is saved, and folds merged profiles into their survivor.
 * {@link trailmap.segments.runtime.SegmentRoutes} is {@code /api/segments}. Depends on the profile
 * store, the event log, the map store and the segment store.
 */
package trailmap.segments.runtime;
