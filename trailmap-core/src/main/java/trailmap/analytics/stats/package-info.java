/**
 * Confidence intervals and tests for journey figures: NPS by the adjusted-Wald method, shares by
 * Agresti–Coull, means by Student's t. Pure functions over counts and sums, so partial results from
 * several partitions can be added before an interval is taken.
 */
package trailmap.analytics.stats;
