/**
 * The flow state machine, pure and deterministic: {@link trailmap.flows.engine.FlowEngine#handle}
 * takes a profile's {@link trailmap.flows.engine.FlowState} in one flow, an {@link
 * trailmap.flows.engine.Input} and the time, and returns the new state and the {@link
 * trailmap.flows.engine.Decision}s (messages, timers, trait and segment updates, goal, exit) for
 * the app to carry out. Same inputs, same decisions: replays and dry-runs agree with live runs.
 */
package trailmap.flows.engine;
