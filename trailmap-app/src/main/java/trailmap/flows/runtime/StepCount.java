package trailmap.flows.runtime;

/** How many profiles are inside a flow version at one step right now. */
public record StepCount(int version, String step, long profiles) {}
