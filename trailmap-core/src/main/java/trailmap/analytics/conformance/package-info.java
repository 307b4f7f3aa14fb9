/**
 * Conformance: how many profiles follow a map's order — stages never moving backward, no stage
 * skipped, only touchpoints on the map — and which deviations are most frequent. Counts are
 * profiles, so partitions merge by adding. Depends on {@code trailmap.analytics}, the maps model
 * and the JDK only.
 */
package trailmap.analytics.conformance;
