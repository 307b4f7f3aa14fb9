package trailmap.flows.runtime;

/**
 * How long {@link FlowStore#erase} last kept the runtime's units waiting (the lock they share with
 * it; package-private in the store): the part of an erasure the flow thread waits out, for the
 * benchmark's erasure line.
 */
public final class ErasureHold {
  private ErasureHold() {}

  /** The last erasure's hold, in milliseconds. */
  public static double lastMillis(FlowStore store) {
    return store.lastErasureHeld().toNanos() / 1e6;
  }
}
