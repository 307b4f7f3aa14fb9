/**
 * The living map's claims checked on data: each {@link trailmap.maps.Hypothesis} of a map's pain
 * points is measured (drop-off, conversion, time to next, NPS, CSAT, CES) and judged supported,
 * refuted or not enough data by its 95% interval. Pure functions over an {@link
 * trailmap.analytics.EventTable}; depends on the conversion, surveys and statistics packages.
 */
package trailmap.analytics.hypotheses;
