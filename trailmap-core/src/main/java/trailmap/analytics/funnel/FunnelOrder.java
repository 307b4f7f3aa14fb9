package trailmap.analytics.funnel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the steps of an attempt must follow each other. */
public enum FunnelOrder {
  /** Each step after the previous one; other events may come between. */
  ORDERED,
  /** Each step the very next event of the profile (after filters) after the previous step. */
  STRICT,
  /**
   * Step 1 is the entry; steps 2..n may be satisfied in any order by distinct events after the
   * entry event.
   */
  UNORDERED;

  /** The name used in query documents, e.g. {@code ordered}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All wire names, in declaration order, for error messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(FunnelOrder::wireName).toList();
  }

  /** The order with this wire name, if any. */
  public static Optional<FunnelOrder> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst();
  }
}
