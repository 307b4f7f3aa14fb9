/**
 * The public surface of journey analytics: {@code POST /api/analytics/<name>} and {@code trailmap
 * analyze <name>} both hand one query document to {@link trailmap.analytics.api.Analyses}, which
 * applies the filters every analysis shares, resolves map steps and runs the analysis. Depends on
 * the analyses' own JSON layers ({@code trailmap.analytics.funnel}, {@code
 * trailmap.analytics.journey}) and on the core engines.
 */
package trailmap.analytics.api;
