package trailmap.analytics.store;

import java.time.Duration;
import trailmap.analytics.EventTable;

/**
 * A loaded table and how current it is.
 *
 * @param table the events, grouped by profile
 * @param position the log position profiles had applied up to: the table holds the (unerased)
 *     events before it
 * @param lag events in the log at load time that profiles had not applied yet, so the table lacks
 *     them; 0 when it is complete
 * @param took the wall time of the load (including an offline catch-up)
 */
public record LoadedTable(EventTable table, long position, long lag, Duration took) {}
