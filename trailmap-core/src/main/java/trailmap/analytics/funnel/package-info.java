/**
 * Funnel analysis: the query as values ({@link trailmap.analytics.funnel.FunnelQuery}), the
 * one-pass engine over an {@link trailmap.analytics.EventTable} ({@link
 * trailmap.analytics.funnel.FunnelEngine}) and its answer ({@link
 * trailmap.analytics.funnel.FunnelResult}). The counting rules are documented on {@link
 * trailmap.analytics.funnel.FunnelEngine} and in docs/funnels.md. Depends on the JDK and {@code
 * trailmap.analytics}, {@code trailmap.maps} and {@code trailmap.events} values only.
 */
package trailmap.analytics.funnel;
