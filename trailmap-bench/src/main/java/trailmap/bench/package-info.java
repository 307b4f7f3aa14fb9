/**
 * Benchmarks, each against a baseline measured in the same run. {@link IngestBenchmark} is the
 * ingestion load generator; its baseline is the bare event log. {@link AnalyticsBenchmark} times
 * funnel, discover and paths over generated events; its baseline is the same funnel as SQL in an
 * in-memory DuckDB. {@link FlowBenchmark} measures the pure flow engine against bare maps; {@link
 * FlowRuntimeBenchmark} the durable flow runtime (flows.db) against that engine, and {@link
 * FlowLatencyBenchmark} the time from an event's acknowledgement to its email arriving at an SMTP
 * server against a bare send. {@code trailmap.flows.runtime.EntrySeeder} here is benchmark
 * machinery in the runtime's package.
 */
package trailmap.bench;
