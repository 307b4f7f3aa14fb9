/**
 * Benchmarks, each against a baseline measured in the same run. {@link IngestBenchmark} is the
 * ingestion load generator; its baseline is the bare event log. {@link AnalyticsBenchmark} times
 * funnel, discover and paths over generated events; its baseline is the same funnel as SQL in an
 * in-memory DuckDB.
 */
package trailmap.bench;
