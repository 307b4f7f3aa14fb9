package trailmap.analytics.funnel;

import java.util.Arrays;

/**
 * Finds, for one profile's visible events, the furthest step any clean attempt reaches and the
 * events that attempt reached its steps at. Reuses its arrays from profile to profile; one scanner
 * per thread. The rules are those documented on {@link FunnelEngine}.
 *
 * <p>Input per visible event {@code j} (0-based within the profile): its time {@code t[j]}, the set
 * of steps it matches as bits {@code steps[j]} and the set of exclusions it matches {@code
 * excluded[j]}.
 */
final class AttemptScanner {
  private final FunnelOrder order;
  private final int stepCount;
  private final long window;
  private final long from;
  private final long to;
  private final int[] exclusionFrom;
  private final int[] exclusionTo;

  long[] t = new long[64];
  int[] steps = new int[64];
  int[] excluded = new int[64];

  private int[][] next = new int[0][];
  private int[][] excludedBefore = new int[0][];
  private int[] matchOfEvent = new int[64];
  private int[] visited = new int[64];
  private int stamp;
  private final int[] reachedAt;

  /** The furthest step count of the last {@link #scan}: 0 when no clean attempt, else 1..n. */
  int bestReach;

  /** The entry event of the counted attempt. */
  int bestEntry;

  /** {@code bestReachedAt[k]}: the event at which the counted attempt reached step k. */
  final int[] bestReachedAt;

  AttemptScanner(FunnelQuery query) {
    this.order = query.order();
    this.stepCount = query.steps().size();
    this.window = query.window().micros();
    this.from = query.range().fromMicros();
    this.to = query.range().toMicros();
    int exclusions = query.exclusions().size();
    this.exclusionFrom = new int[exclusions];
    this.exclusionTo = new int[exclusions];
    for (int x = 0; x < exclusions; x++) {
      exclusionFrom[x] = query.exclusions().get(x).fromStep();
      exclusionTo[x] = query.exclusions().get(x).toStep();
    }
    this.reachedAt = new int[stepCount];
    this.bestReachedAt = new int[stepCount];
  }

  /** Makes room for {@code n} events in the input arrays. */
  void ensureCapacity(int n) {
    if (t.length < n) {
      int size = Math.max(n, t.length * 2);
      t = Arrays.copyOf(t, size);
      steps = Arrays.copyOf(steps, size);
      excluded = Arrays.copyOf(excluded, size);
      matchOfEvent = new int[size];
      visited = new int[size];
      stamp = 0;
    }
  }

  /**
   * Scans the first {@code n} events of the input arrays.
   *
   * @return how many attempts started (entry events in the time range)
   */
  int scan(int n) {
    bestReach = 0;
    bestEntry = -1;
    boolean prepared = false;
    int attempts = 0;
    for (int i = 0; i < n; i++) {
      if ((steps[i] & 1) == 0 || t[i] < from || t[i] >= to) {
        continue;
      }
      attempts++;
      if (bestReach == stepCount) {
        continue; // an earlier attempt already reached the end; it is the counted one
      }
      if (!prepared) {
        prepare(n);
        prepared = true;
      }
      long deadline = t[i] > Long.MAX_VALUE - window ? Long.MAX_VALUE : t[i] + window;
      int reach =
          switch (order) {
            case ORDERED -> ordered(i, n, deadline);
            case STRICT -> strict(i, n, deadline);
            case UNORDERED -> unordered(i, n, deadline);
          };
      if (reach > bestReach && clean(reach)) {
        bestReach = reach;
        bestEntry = i;
        System.arraycopy(reachedAt, 0, bestReachedAt, 0, reach);
      }
    }
    return attempts;
  }

  private void prepare(int n) {
    if (order == FunnelOrder.ORDERED) {
      if (next.length < stepCount) {
        next = new int[stepCount][];
      }
      for (int s = 1; s < stepCount; s++) {
        if (next[s] == null || next[s].length < n + 1) {
          next[s] = new int[Math.max(n + 1, t.length + 1)];
        }
        int[] row = next[s];
        row[n] = n;
        int bit = 1 << s;
        for (int j = n - 1; j >= 0; j--) {
          row[j] = (steps[j] & bit) != 0 ? j : row[j + 1];
        }
      }
    }
    int exclusions = exclusionFrom.length;
    if (exclusions > 0) {
      if (excludedBefore.length < exclusions) {
        excludedBefore = new int[exclusions][];
      }
      for (int x = 0; x < exclusions; x++) {
        if (excludedBefore[x] == null || excludedBefore[x].length < n + 1) {
          excludedBefore[x] = new int[Math.max(n + 1, t.length + 1)];
        }
        int[] row = excludedBefore[x];
        int bit = 1 << x;
        row[0] = 0;
        for (int j = 0; j < n; j++) {
          row[j + 1] = row[j] + ((excluded[j] & bit) != 0 ? 1 : 0);
        }
      }
    }
  }

  /** Greedy earliest: the earliest event for each step is also the one that goes furthest. */
  private int ordered(int entry, int n, long deadline) {
    reachedAt[0] = entry;
    int pos = entry;
    int reach = 1;
    for (int s = 1; s < stepCount; s++) {
      int j = next[s][pos + 1];
      if (j == n || t[j] > deadline) {
        break;
      }
      reachedAt[s] = j;
      pos = j;
      reach++;
    }
    return reach;
  }

  private int strict(int entry, int n, long deadline) {
    reachedAt[0] = entry;
    int reach = 1;
    for (int s = 1; s < stepCount; s++) {
      int j = entry + s;
      if (j >= n || (steps[j] & (1 << s)) == 0 || t[j] > deadline) {
        break;
      }
      reachedAt[s] = j;
      reach++;
    }
    return reach;
  }

  /**
   * Steps 1.. in any order by distinct events after the entry: events are added in time order to a
   * bipartite matching (Kuhn's augmenting paths); step k is reached at the event after which steps
   * 1..k can all be matched.
   */
  private int unordered(int entry, int n, long deadline) {
    reachedAt[0] = entry;
    int reach = 1;
    int end = entry + 1;
    for (int j = entry + 1; j < n && t[j] <= deadline && reach < stepCount; j++) {
      matchOfEvent[j] = -1;
      end = j + 1;
      int relevant = steps[j] & ((2 << reach) - 2); // bits 1..reach
      if (relevant == 0) {
        continue;
      }
      while (reach < stepCount && augment(reach, entry + 1, end)) {
        reachedAt[reach] = j;
        reach++;
      }
    }
    return reach;
  }

  private boolean augment(int step, int first, int end) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      stamp = 1;
    }
    return tryStep(step, first, end);
  }

  private boolean tryStep(int step, int first, int end) {
    int bit = 1 << step;
    for (int e = first; e < end; e++) {
      if ((steps[e] & bit) == 0 || visited[e] == stamp) {
        continue;
      }
      visited[e] = stamp;
      if (matchOfEvent[e] < 0 || tryStep(matchOfEvent[e], first, end)) {
        matchOfEvent[e] = step;
        return true;
      }
    }
    return false;
  }

  /** Whether no exclusion event lies strictly between the events it names, for steps reached. */
  private boolean clean(int reach) {
    for (int x = 0; x < exclusionFrom.length; x++) {
      if (exclusionTo[x] >= reach) {
        continue;
      }
      int after = reachedAt[exclusionFrom[x]] + 1;
      int before = reachedAt[exclusionTo[x]];
      if (before > after && excludedBefore[x][before] - excludedBefore[x][after] > 0) {
        return false;
      }
    }
    return true;
  }
}
