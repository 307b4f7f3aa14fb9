/**
 * Bulk import: readers that turn JSON Lines, CSV and XES files into {@link trailmap.events.Event}s
 * (each bad record a rejection with its line, never a stop), and the {@link
 * trailmap.importer.ImportRunner} that sends them to the event log (offline) or to a server's
 * {@code /v1/batch} (online). May depend on the core, the event JSON codec and the event log.
 */
package trailmap.importer;
