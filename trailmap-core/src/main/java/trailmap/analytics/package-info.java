/**
 * Journey analytics over a columnar, in-memory table of events grouped by profile.
 *
 * <p>Every analysis reads an {@link trailmap.analytics.EventTable}: events of one profile are
 * contiguous and in time order (ties keep arrival order), strings are dictionary-encoded ints. The
 * core holds the table and the engines; loading it from the stores lives in the app.
 */
package trailmap.analytics;
