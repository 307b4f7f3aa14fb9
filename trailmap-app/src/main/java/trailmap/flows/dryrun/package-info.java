/**
 * The dry run at the JSON edge: {@link trailmap.flows.dryrun.FlowDryRun#run} resolves the range,
 * reads a segment or api trigger's recorded firings through {@link
 * trailmap.flows.dryrun.TriggerHistories}, runs the core {@link trailmap.flows.dryrun.DryRun} and
 * writes the answer with {@link trailmap.flows.dryrun.DryRunJson}, the same for {@code trailmap
 * flow dry-run} and {@code POST /api/flows/{id}/dry-run}. Depends on the core dry run, Jackson, the
 * server's problem type and the flow store's retention of API calls.
 */
package trailmap.flows.dryrun;
