package trailmap.eventlog;

/**
 * A set of 128-bit hashes in one flat {@code long[]} (open addressing, linear probing, at most half
 * full): 32 to 64 bytes per id, no object per entry. (0, 0) marks an empty slot; {@link
 * MessageIdHash} never produces it. Not thread-safe: owned by the log's writer.
 */
final class HashPairSet {
  private long[] slots = new long[2 * 64];
  private int size;

  int size() {
    return size;
  }

  boolean contains(MessageIdHash h) {
    return isTaken(slots, slotOf(slots, h));
  }

  /** Adds the hash; false if it was already there. */
  boolean add(MessageIdHash h) {
    int slot = slotOf(slots, h);
    if (isTaken(slots, slot)) {
      return false;
    }
    slots[slot] = h.high();
    slots[slot + 1] = h.low();
    size++;
    if (size * 4L > slots.length) { // more than half of the slots (two longs each) are taken
      grow();
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    long[] bigger = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        int slot = slotOf(bigger, old[i], old[i + 1]);
        bigger[slot] = old[i];
        bigger[slot + 1] = old[i + 1];
      }
    }
    slots = bigger;
  }

  private static int slotOf(long[] table, MessageIdHash h) {
    return slotOf(table, h.high(), h.low());
  }

  /** The slot holding the hash, or the empty slot where it belongs. */
  private static int slotOf(long[] table, long high, long low) {
    int mask = table.length / 2 - 1;
    int i = (int) (low ^ (low >>> 32)) & mask;
    while (true) {
      int slot = 2 * i;
      long a = table[slot];
      long b = table[slot + 1];
      if ((a == 0 && b == 0) || (a == high && b == low)) {
        return slot;
      }
      i = (i + 1) & mask;
    }
  }

  private static boolean isTaken(long[] table, int slot) {
    return table[slot] != 0 || table[slot + 1] != 0;
  }
}
