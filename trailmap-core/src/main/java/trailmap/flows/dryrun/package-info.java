/**
 * Dry runs: {@link trailmap.flows.dryrun.DryRun} replays a time range of stored events (an
 * analytics {@link trailmap.analytics.EventTable}), a schedule trigger's firings, and a segment or
 * api trigger's recorded firings ({@link trailmap.flows.dryrun.TriggerHistory}), through one flow
 * on simulated time with the pure {@link trailmap.flows.engine.FlowEngine}, sends nothing, and
 * counts what would have happened in a {@link trailmap.flows.dryrun.DryRunResult}. Depends on the
 * flow model, engine and policy and the analytics table only; no I/O, no clock.
 */
package trailmap.flows.dryrun;
