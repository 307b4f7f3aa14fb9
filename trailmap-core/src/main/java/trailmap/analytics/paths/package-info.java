/**
 * Paths through the journey: from a start node and/or to an end node, the most frequent step
 * sequences of up to K steps, their Sankey edges, and the loops and back-and-forth moves inside
 * them. Counts are profiles and results are keyed by node name, so partitions merge by adding.
 * Depends on {@code trailmap.analytics} and the JDK only.
 */
package trailmap.analytics.paths;
