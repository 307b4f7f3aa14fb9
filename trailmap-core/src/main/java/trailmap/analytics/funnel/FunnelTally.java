package trailmap.analytics.funnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partial answer of one scan, before it becomes a {@link FunnelResult}. Tallies of disjoint
 * sets of profiles (partitions) {@link #merge} into the tally of their union: counts add, times to
 * convert concatenate, match counts add. Mutable, single owner; not thread-safe.
 */
public final class FunnelTally {
  private final FunnelQuery query;
  private final StepTally total;
  private final Map<String, StepTally> series = new HashMap<>();
  private final long[] stepHits;
  private final long[] exclusionHits;
  private final Set<String> knownNames = new LinkedHashSet<>();
  private long profiles;
  private long attempts;

  FunnelTally(FunnelQuery query) {
    this.query = query;
    this.total = new StepTally(query.steps().size());
    this.stepHits = new long[query.steps().size()];
    this.exclusionHits = new long[query.exclusions().size()];
  }

  StepTally total() {
    return total;
  }

  StepTally series(String value) {
    return series.computeIfAbsent(value, v -> new StepTally(query.steps().size()));
  }

  long[] stepHits() {
    return stepHits;
  }

  long[] exclusionHits() {
    return exclusionHits;
  }

  void knowNames(List<String> names) {
    knownNames.addAll(names);
  }

  void addProfile(int attemptsStarted) {
    profiles++;
    attempts += attemptsStarted;
  }

  /**
   * Adds {@code other}, the tally of other profiles for the same query, into this one.
   *
   * @throws IllegalArgumentException when the tallies answer different queries
   */
  public FunnelTally merge(FunnelTally other) {
    if (!other.query.equals(query)) {
      throw new IllegalArgumentException("cannot merge tallies of different funnel queries");
    }
    total.merge(other.total);
    other.series.forEach((value, tally) -> series(value).merge(tally));
    for (int s = 0; s < stepHits.length; s++) {
      stepHits[s] += other.stepHits[s];
    }
    for (int x = 0; x < exclusionHits.length; x++) {
      exclusionHits[x] += other.exclusionHits[x];
    }
    knownNames.addAll(other.knownNames);
    profiles += other.profiles;
    attempts += other.attempts;
    return this;
  }

  /**
   * The answer. Series: the {@code maxSeries} values with the most entries (ties by value) each get
   * a series; the others are merged into one {@link Breakdown#OTHER_VALUE} series, last.
   */
  public FunnelResult result() {
    List<Map.Entry<String, StepTally>> ranked = new ArrayList<>(series.entrySet());
    ranked.sort(
        Comparator.comparingLong((Map.Entry<String, StepTally> e) -> -e.getValue().entries())
            .thenComparing(Map.Entry::getKey));
    List<Series> out = new ArrayList<>();
    StepTally other = null;
    for (int i = 0; i < ranked.size(); i++) {
      Map.Entry<String, StepTally> entry = ranked.get(i);
      if (i < query.maxSeries()) {
        out.add(new Series(entry.getKey(), entry.getValue().results(query.steps())));
      } else {
        if (other == null) {
          other = new StepTally(query.steps().size());
        }
        other.merge(entry.getValue());
      }
    }
    if (other != null) {
      out.add(new Series(Breakdown.OTHER_VALUE, other.results(query.steps())));
    }
    return new FunnelResult(
        total.results(query.steps()),
        out,
        FunnelWarnings.of(query, stepHits, exclusionHits, knownNames),
        profiles,
        attempts);
  }
}
