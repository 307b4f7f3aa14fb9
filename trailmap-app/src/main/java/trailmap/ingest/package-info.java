/**
 * The HTTP edge of ingestion: Segment's HTTP Tracking API under {@code /v1} (track, identify, page,
 * screen, group, alias, batch, import), authenticated by a source's write key, validated all at
 * once, turned into core {@code Event}s and appended to the event log; and the admin API for
 * sources, {@code /api/sources}. Depends on the server's problem answers, the sources and the event
 * log.
 */
package trailmap.ingest;
