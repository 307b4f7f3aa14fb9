/**
 * The durable flow runtime: {@link trailmap.flows.runtime.FlowStore} (flow definitions and their
 * status, per-profile state, timers, outbox, send history, suppressions, consent and the flow
 * timeline in {@code DATA_DIR/flows.db}) and {@link trailmap.flows.runtime.FlowRuntime}, which
 * follows the event log into the pure engine of {@code trailmap.flows.engine}, fires timers and
 * drains the outbox through {@code trailmap.flows.channels}. Depends on core, profiles, the event
 * log and the store.
 */
package trailmap.flows.runtime;
