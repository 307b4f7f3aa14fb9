/**
 * Benchmarks, each against a baseline measured in the same run. {@link IngestBenchmark} is the
 * ingestion load generator; its baseline is the bare event log.
 */
package trailmap.bench;
