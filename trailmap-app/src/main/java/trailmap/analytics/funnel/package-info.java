/**
 * The funnel analysis at the JSON edge: the query document ({@link
 * trailmap.analytics.funnel.FunnelQueryJson}), the answer document ({@link
 * trailmap.analytics.funnel.FunnelResultJson}) and the one call that does both around the core
 * engine ({@link trailmap.analytics.funnel.FunnelAnalysis}), shared by HTTP and CLI. Depends on
 * trailmap-core and Jackson; no I/O.
 */
package trailmap.analytics.funnel;
