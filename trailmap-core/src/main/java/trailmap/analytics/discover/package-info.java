/**
 * The journey as it really happens: the directly-follows graph of nodes (touchpoints, stages or
 * event names) over every profile's merged steps, with edge counts and durations, start and end
 * nodes, and the variants (distinct step sequences). Results are keyed by node name and merge by
 * adding, so partitions of profiles can be discovered apart and combined. Also the Graphviz DOT
 * text of a discovery. Depends on {@code trailmap.analytics} and the JDK only.
 */
package trailmap.analytics.discover;
