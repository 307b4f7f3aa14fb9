package trailmap.analytics.conformance;

/** How many profiles deviated this way (each at most once). */
public record DeviationCount(Deviation deviation, long count) {}
