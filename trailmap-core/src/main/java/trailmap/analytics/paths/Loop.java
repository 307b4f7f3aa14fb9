package trailmap.analytics.paths;

/** Profiles whose path comes back to {@code node} after at least one other node. */
public record Loop(String node, long count) {}
