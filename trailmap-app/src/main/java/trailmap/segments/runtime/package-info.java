/**
 * Live segment membership: {@link trailmap.segments.runtime.SegmentProcessor} follows the event log
 * behind the profile processor and re-evaluates a profile's segments on each of its events and when
 * a behaviour window can next change it; {@link trailmap.segments.runtime.SegmentRoutes} is {@code
 * /api/segments}. Depends on the profile store, the event log and the segment store.
 */
package trailmap.segments.runtime;
