/**
 * Writes the demo journeys of {@code trailmap.demo} (core) out: as JSON Lines of Segment calls that
 * {@code trailmap import} and the collection API take, or straight into a data directory's event
 * log in large batches. {@link trailmap.generate.DemoDataWriter} is the API; the CLI command is
 * {@code trailmap generate}.
 */
package trailmap.generate;
