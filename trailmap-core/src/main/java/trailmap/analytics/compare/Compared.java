package trailmap.analytics.compare;

import trailmap.analytics.stats.Comparison;
import trailmap.analytics.stats.Interval;

/**
 * A figure for both groups, each with its 95% interval and n, and their comparison.
 *
 * @param unit e.g. {@code points}, {@code share}, {@code mean}, {@code seconds}
 */
public record Compared(String figure, String unit, Interval a, Interval b, Comparison comparison) {}
