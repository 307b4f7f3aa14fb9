package trailmap.analytics.paths;

/**
 * Profiles whose path goes {@code from} → {@code to} → {@code from} in three consecutive steps. The
 * pair is ordered: pricing → trial → pricing is not trial → pricing → trial.
 */
public record BackAndForth(String from, String to, long count) {}
