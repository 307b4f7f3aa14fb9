package trailmap.analytics.funnel;

import java.util.OptionalDouble;

/**
 * The figures of one step.
 *
 * @param count profiles counted at this step or further
 * @param conversionFromFirst {@code count} over step 1's count, 0 to 1; 0 when step 1 has none
 * @param conversionFromPrevious {@code count} over the previous step's count; for step 1, 1 when it
 *     has profiles and 0 otherwise
 * @param dropOff the previous step's count minus this one; 0 for step 1
 * @param averageSecondsToConvert mean time from the counted attempt's first step to this step;
 *     empty for step 1 and for a step no profile reached
 * @param medianSecondsToConvert the middle time (mean of the two middle ones for an even count)
 * @param p90SecondsToConvert the nearest-rank 90th percentile: the ⌈0.9·n⌉-th smallest time
 * @param histogram the times in fixed buckets; all zero for step 1
 */
public record StepResult(
    String name,
    long count,
    double conversionFromFirst,
    double conversionFromPrevious,
    long dropOff,
    OptionalDouble averageSecondsToConvert,
    OptionalDouble medianSecondsToConvert,
    OptionalDouble p90SecondsToConvert,
    Histogram histogram) {}
