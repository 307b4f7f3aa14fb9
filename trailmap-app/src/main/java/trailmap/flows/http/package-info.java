/**
 * The flows HTTP API, {@code /api/flows} and {@code /api/templates}: authoring (drafts, versions),
 * the lifecycle (publish, pause, archive) and per-step statistics of {@link
 * trailmap.flows.runtime.FlowStore}. Depends on the runtime, the flow reader, the server's problem
 * answers and {@code trailmap.analytics.stats} for the holdout comparison.
 */
package trailmap.flows.http;
