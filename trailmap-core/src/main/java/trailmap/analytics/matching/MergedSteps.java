package trailmap.analytics.matching;

import java.util.Arrays;
import trailmap.analytics.EventTable;

/**
 * A profile's journey as steps: its labelled events in order, events that are no node skipped, and
 * consecutive events at the same node merged into one step. Each step keeps its first and last
 * event, so the time between two steps is taken from the last event of one to the first of the next
 * (the two events that directly follow each other).
 *
 * <p>A reader reused across profiles: {@link #load} replaces the content. Not thread-safe; one per
 * thread.
 */
public final class MergedSteps {
  private final EventTable table;
  private final Labelling labelling;
  private int[] nodes = new int[16];
  private int[] firstEvents = new int[16];
  private int[] lastEvents = new int[16];
  private int size;
  private int events;

  public MergedSteps(EventTable table, Labelling labelling) {
    if (labelling.events() != table.events()) {
      throw new IllegalArgumentException(
          "labelling covers %d events but the table holds %d; label this table"
              .formatted(labelling.events(), table.events()));
    }
    this.table = table;
    this.labelling = labelling;
  }

  /** Loads the steps of {@code profile}; answers how many there are. */
  public int load(int profile) {
    size = 0;
    events = 0;
    for (int e = table.profileStart(profile); e < table.profileEnd(profile); e++) {
      int node = labelling.node(e);
      if (node < 0) {
        continue;
      }
      events++;
      if (size > 0 && nodes[size - 1] == node) {
        lastEvents[size - 1] = e;
        continue;
      }
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        firstEvents = Arrays.copyOf(firstEvents, size * 2);
        lastEvents = Arrays.copyOf(lastEvents, size * 2);
      }
      nodes[size] = node;
      firstEvents[size] = e;
      lastEvents[size] = e;
      size++;
    }
    return size;
  }

  /** How many steps the loaded profile has. */
  public int size() {
    return size;
  }

  /** How many labelled events the loaded profile has (before merging). */
  public int events() {
    return events;
  }

  public int node(int step) {
    return nodes[step];
  }

  public int firstEvent(int step) {
    return firstEvents[step];
  }

  public int lastEvent(int step) {
    return lastEvents[step];
  }

  /** A copy of the loaded steps' nodes. */
  public int[] nodes() {
    return Arrays.copyOf(nodes, size);
  }
}
