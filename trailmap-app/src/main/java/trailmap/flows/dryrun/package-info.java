/**
 * The dry run at the JSON edge: {@link trailmap.flows.dryrun.FlowDryRun#run} resolves the range,
 * runs the core {@link trailmap.flows.dryrun.DryRun} and writes the answer with {@link
 * trailmap.flows.dryrun.DryRunJson}, the same for {@code trailmap flow dry-run} and {@code POST
 * /api/flows/{id}/dry-run}. Depends on the core dry run, Jackson and the server's problem type.
 */
package trailmap.flows.dryrun;
