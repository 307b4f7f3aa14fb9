/**
 * {@link trailmap.flows.testing.FlowTestDriver}: runs flows on a fake clock, for tests and for
 * authors trying a flow, the way Kafka's {@code TopologyTestDriver} runs a topology. Not used by
 * the runtime.
 */
package trailmap.flows.testing;
