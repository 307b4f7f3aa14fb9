/**
 * Confidence intervals and tests for journey figures: NPS by the adjusted-Wald method, shares by
 * Agresti–Coull, means by Student's t, medians by order statistics; two groups compared by {@link
 * trailmap.analytics.stats.TwoSample} (two-proportion z or Fisher's exact test, Welch's t,
 * Mann–Whitney U, NPS difference) with effect sizes. Pure functions over counts, sums or samples,
 * so partial results from several partitions can be added before an interval is taken. JDK only.
 */
package trailmap.analytics.stats;
