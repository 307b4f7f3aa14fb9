/**
 * Flows as values: a {@link trailmap.flows.Flow} with its {@link trailmap.flows.Trigger}, {@link
 * trailmap.flows.EntryRules}, {@link trailmap.flows.Step}s and {@link trailmap.flows.Exit}s, and
 * the 5-field {@link trailmap.flows.Cron} of scheduled flows, and {@link
 * trailmap.flows.ProfileZone}, the profile's time zone as the runtime and dry runs both read it.
 * Every record validates itself; a {@code Flow} that was constructed is a well-formed graph.
 * Depends on the JDK, {@code trailmap.events} values and {@code trailmap.maps}/{@code
 * trailmap.analytics} conditions only; reading files lives in the app.
 */
package trailmap.flows;
