/**
 * Segments: named rules over a profile's traits, its place on a journey map and its behaviour, and
 * the pure {@link trailmap.segments.SegmentEvaluator} that decides membership at an instant and
 * when it can change next from a profile's whole history, and {@link
 * trailmap.segments.SegmentEvidence}, which gives the same answers from a small bounded set of
 * {@link trailmap.segments.Evidence} kept per profile, so live membership never rereads a history.
 * Depends on {@code trailmap.maps}, {@code trailmap.events}, {@code trailmap.flows} (for {@code
 * EventMatch}) and {@code trailmap.analytics.Conditions}; no I/O, no clock.
 */
package trailmap.segments;
