package trailmap.analytics.funnel;

import trailmap.analytics.EventTable;

/**
 * Answers a {@link FunnelQuery} over an {@link EventTable} in one pass per profile, on primitive
 * arrays. Pure: the same query and table give the same answer.
 *
 * <p>The counting rules (docs/funnels.md has worked examples):
 *
 * <ol>
 *   <li>Only events that pass the event filter, of profiles that pass the profile filter, exist for
 *       the funnel. Events are in table order: time, then arrival.
 *   <li>Every event that matches step 1 at a time in the range {@code [from, to)} starts an
 *       attempt; it is the attempt's entry. Later steps need not be in the range.
 *   <li>An attempt reaches step k when steps 1..k are satisfied by distinct events, each at most
 *       one window after the entry (inclusive), after the entry in table order, and: {@code
 *       ORDERED} each after the previous step's event; {@code STRICT} each the very next event;
 *       {@code UNORDERED} in any order. Events with equal times may satisfy consecutive steps, in
 *       arrival order. An attempt's reach is the furthest step it can reach.
 *   <li>The attempt reaches step k <em>at</em> an event: for ORDERED and STRICT the earliest event
 *       that can satisfy step k (greedy earliest, which is also what reaches furthest); for
 *       UNORDERED the earliest event after which steps 1..k can all be satisfied. Times to convert
 *       are measured from the entry to these events.
 *   <li>An exclusion {@code (fromStep, toStep)} applies to an attempt whose reach includes {@code
 *       toStep}: if an excluded event lies strictly between the events at which the attempt reached
 *       {@code fromStep} and {@code toStep}, the whole attempt is dropped.
 *   <li>A profile is counted once, at the furthest reach of its clean attempts; a profile without a
 *       clean attempt is not counted. Its times and breakdown value come from the earliest clean
 *       attempt with that reach.
 * </ol>
 */
public final class FunnelEngine {
  private FunnelEngine() {}

  /** The answer over every profile of the table. */
  public static FunnelResult run(FunnelQuery query, EventTable table) {
    return tally(query, table, 0, table.profiles()).result();
  }

  /**
   * The partial answer over profiles {@code fromProfile} (inclusive) to {@code toProfile}
   * (exclusive), to be {@linkplain FunnelTally#merge merged} with other partitions.
   */
  public static FunnelTally tally(
      FunnelQuery query, EventTable table, int fromProfile, int toProfile) {
    if (fromProfile < 0 || toProfile > table.profiles() || fromProfile > toProfile) {
      throw new IllegalArgumentException(
          "profile range [%d, %d) is outside the table's 0 to %d profiles"
              .formatted(fromProfile, toProfile, table.profiles()));
    }
    int stepCount = query.steps().size();
    int exclusionCount = query.exclusions().size();
    StepMatcher[] stepMatchers = new StepMatcher[stepCount];
    for (int s = 0; s < stepCount; s++) {
      stepMatchers[s] = query.steps().get(s).matcher().boundTo(table);
    }
    StepMatcher[] exclusionMatchers = new StepMatcher[exclusionCount];
    for (int x = 0; x < exclusionCount; x++) {
      exclusionMatchers[x] = query.exclusions().get(x).matcher().boundTo(table);
    }
    StepMatcher filter = query.eventFilter().boundTo(table);
    boolean breakdown = !(query.breakdown() instanceof Breakdown.None);
    FunnelTally tally = new FunnelTally(query);
    tally.knowNames(table.names().texts());
    long[] stepHits = tally.stepHits();
    long[] exclusionHits = tally.exclusionHits();
    AttemptScanner scanner = new AttemptScanner(query);
    int[] visible = new int[64];
    for (int p = fromProfile; p < toProfile; p++) {
      if (!query.profileFilter().matches(table, p)) {
        continue;
      }
      int start = table.profileStart(p);
      int end = table.profileEnd(p);
      scanner.ensureCapacity(end - start);
      if (visible.length < end - start) {
        visible = new int[Math.max(end - start, visible.length * 2)];
      }
      long[] t = scanner.t;
      int[] steps = scanner.steps;
      int[] excluded = scanner.excluded;
      int n = 0;
      for (int e = start; e < end; e++) {
        if (!filter.matches(table, e)) {
          continue;
        }
        int stepBits = 0;
        for (int s = 0; s < stepCount; s++) {
          if (stepMatchers[s].matches(table, e)) {
            stepBits |= 1 << s;
            stepHits[s]++;
          }
        }
        int exclusionBits = 0;
        for (int x = 0; x < exclusionCount; x++) {
          if (exclusionMatchers[x].matches(table, e)) {
            exclusionBits |= 1 << x;
            exclusionHits[x]++;
          }
        }
        visible[n] = e;
        t[n] = table.micros(e);
        steps[n] = stepBits;
        excluded[n] = exclusionBits;
        n++;
      }
      tally.addProfile(scanner.scan(n));
      if (scanner.bestReach == 0) {
        continue;
      }
      tally.total().add(scanner.bestReach, t, scanner.bestReachedAt);
      if (breakdown) {
        String value =
            query
                .breakdown()
                .value(table, p, visible[scanner.bestEntry])
                .orElse(Breakdown.NONE_VALUE);
        tally.series(value).add(scanner.bestReach, t, scanner.bestReachedAt);
      }
    }
    return tally;
  }
}
