/**
 * One figure for two groups — two periods, or two values of a profile trait or event property —
 * with a significance test fit for the figure and an effect size: survey scores (NPS, CSAT, CES),
 * conversion between two steps, and time to the next step. Pure functions over an {@link
 * trailmap.analytics.EventTable}; the tests live in {@link trailmap.analytics.stats.TwoSample}.
 */
package trailmap.analytics.compare;
