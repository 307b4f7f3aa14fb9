/**
 * Dry runs: {@link trailmap.flows.dryrun.DryRun} replays a time range of stored events (an
 * analytics {@link trailmap.analytics.EventTable}), and a schedule trigger's firings, through one
 * flow on simulated time with the pure {@link trailmap.flows.engine.FlowEngine}, sends nothing, and
 * counts what would have happened in a {@link trailmap.flows.dryrun.DryRunResult}. Depends on the
 * flow model, engine and policy and the analytics table only; no I/O, no clock.
 */
package trailmap.flows.dryrun;
