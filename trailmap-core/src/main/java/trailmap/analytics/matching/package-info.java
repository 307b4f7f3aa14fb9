/**
 * Which touchpoints (and so stages) of one or more journey maps an event is: {@link
 * trailmap.analytics.matching.TouchpointMatching} evaluates the maps' matchers against an {@link
 * trailmap.analytics.EventTable}, and a {@link trailmap.analytics.matching.Labelling} turns each
 * event into one node (a touchpoint, a stage or the event name) for paths, discovery and
 * conformance. Pure functions over the table; depends on the maps model and the JDK only.
 */
package trailmap.analytics.matching;
