/**
 * Conversion between two steps: the share of profiles doing A who later do B within a window, and
 * the time it took them. The small building block that compare, hypotheses and friction share (the
 * full multi-step funnel lives in its own package). Pure functions over an {@link
 * trailmap.analytics.EventTable}; depends on the matching and the statistics only.
 */
package trailmap.analytics.conversion;
