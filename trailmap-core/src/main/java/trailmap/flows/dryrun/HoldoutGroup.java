package trailmap.flows.dryrun;

import java.util.OptionalDouble;

/**
 * Runs (entries) on one side of the holdout split and how many of them converted.
 *
 * @param entries runs that entered in the range, whatever their outcome
 * @param converted of those, runs that reached a goal in the range
 */
public record HoldoutGroup(long entries, long converted) {
  public static final HoldoutGroup NONE = new HoldoutGroup(0, 0);

  public HoldoutGroup {
    if (entries < 0 || converted < 0 || converted > entries) {
      throw new IllegalArgumentException(
          "a holdout group converts 0 to entries runs; was %d of %d".formatted(converted, entries));
    }
  }

  /** Converted over entries; empty without entries. */
  public OptionalDouble conversion() {
    return entries == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) converted / entries);
  }

  public HoldoutGroup plus(HoldoutGroup other) {
    return new HoldoutGroup(entries + other.entries, converted + other.converted);
  }
}
