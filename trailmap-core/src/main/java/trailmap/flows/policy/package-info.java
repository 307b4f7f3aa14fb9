/**
 * Whether a flow message may go to a profile now, as a pure function: consent per channel and
 * topic, the global holdout, quiet hours in the profile's zone, and frequency caps across all flows
 * with priority deciding the last slot. {@link trailmap.flows.policy.MessagePolicy#decide} returns
 * a {@link trailmap.flows.policy.Verdict} whose reason is written for the profile's timeline.
 */
package trailmap.flows.policy;
