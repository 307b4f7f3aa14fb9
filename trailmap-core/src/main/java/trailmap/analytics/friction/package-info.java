/**
 * Where customers struggle: a ranked list of touchpoints and transitions, each with its evidence
 * (drop-off against the map's expectation, repeat contacts about one issue, long waits, low survey
 * scores, negative feedback) and the map's pain points it confirms. {@link
 * trailmap.analytics.friction.Friction} is the one entry point. Pure functions over an {@link
 * trailmap.analytics.EventTable}; depends on matching, conversion, surveys and statistics.
 */
package trailmap.analytics.friction;
