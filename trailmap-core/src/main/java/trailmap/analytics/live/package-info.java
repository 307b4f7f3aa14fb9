/**
 * The living map: per touchpoint and per stage, the figures the events give — profiles reached,
 * conversion onwards, time to the next step, survey scores, an emotion taken from the surveys on
 * the map's −2..+2 scale — the map's KPIs measured against their targets where the metric names a
 * computable figure, and the verdicts of the map's hypotheses. Pure functions of an {@link
 * trailmap.analytics.EventTable} and a {@link trailmap.maps.JourneyMap}; builds on the matching,
 * conversion, surveys and hypotheses packages.
 */
package trailmap.analytics.live;
