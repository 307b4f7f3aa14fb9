package trailmap.analytics.funnel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import trailmap.analytics.EventTable;

/**
 * The funnel rules written the obvious way, for checking {@link FunnelEngine}: every attempt, every
 * way of assigning events to its steps (exhaustive search, so only for small logs), no shared state
 * between attempts, unbound matchers, boxed lists.
 */
final class ReferenceFunnel {
  private ReferenceFunnel() {}

  /** One counted profile: how far, and the step times of its counted attempt. */
  private record Counted(int reach, List<Long> micros, String breakdown) {}

  static FunnelResult run(FunnelQuery query, EventTable table) {
    List<Counted> counted = new ArrayList<>();
    long profiles = 0;
    long attempts = 0;
    for (int p = 0; p < table.profiles(); p++) {
      if (!query.profileFilter().matches(table, p)) {
        continue;
      }
      profiles++;
      List<Integer> events = new ArrayList<>();
      for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
        if (query.eventFilter().matches(table, e)) {
          events.add(e);
        }
      }
      Counted best = null;
      for (int i = 0; i < events.size(); i++) {
        int entry = events.get(i);
        long time = table.micros(entry);
        if (!query.steps().get(0).matcher().matches(table, entry)
            || time < query.range().fromMicros()
            || time >= query.range().toMicros()) {
          continue;
        }
        attempts++;
        int[] reachedAt = earliestCompletions(query, table, events, i);
        int reach = 0;
        while (reach < reachedAt.length && reachedAt[reach] >= 0) {
          reach++;
        }
        if (dirty(query, table, events, reachedAt, reach)) {
          continue;
        }
        if (best == null || reach > best.reach()) {
          List<Long> micros = new ArrayList<>();
          for (int s = 0; s < reach; s++) {
            micros.add(table.micros(events.get(reachedAt[s])) - time);
          }
          String value = query.breakdown().value(table, p, entry).orElse(Breakdown.NONE_VALUE);
          best = new Counted(reach, micros, value);
        }
      }
      if (best != null) {
        counted.add(best);
      }
    }
    return result(query, counted, profiles, attempts);
  }

  /**
   * For each step k (0-based), the smallest position in {@code events} at which some valid
   * assignment of steps 0..k completes (its largest position); -1 when step k cannot be reached.
   */
  private static int[] earliestCompletions(
      FunnelQuery query, EventTable table, List<Integer> events, int entry) {
    int[] best = new int[query.steps().size()];
    java.util.Arrays.fill(best, -1);
    List<Integer> chosen = new ArrayList<>(List.of(entry));
    search(query, table, events, chosen, best);
    return best;
  }

  private static void search(
      FunnelQuery query, EventTable table, List<Integer> events, List<Integer> chosen, int[] best) {
    int step = chosen.size() - 1;
    int completion = Collections.max(chosen);
    if (best[step] < 0 || completion < best[step]) {
      best[step] = completion;
    }
    int next = step + 1;
    if (next == query.steps().size()) {
      return;
    }
    int entry = chosen.get(0);
    long deadline = table.micros(events.get(entry)) + query.window().micros();
    for (int j = entry + 1; j < events.size(); j++) {
      int event = events.get(j);
      boolean allowed =
          switch (query.order()) {
            case ORDERED -> j > chosen.get(step);
            case STRICT -> j == chosen.get(step) + 1;
            case UNORDERED -> !chosen.contains(j);
          };
      if (allowed
          && table.micros(event) <= deadline
          && query.steps().get(next).matcher().matches(table, event)) {
        chosen.add(j);
        search(query, table, events, chosen, best);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  private static boolean dirty(
      FunnelQuery query, EventTable table, List<Integer> events, int[] reachedAt, int reach) {
    for (Exclusion exclusion : query.exclusions()) {
      if (exclusion.toStep() >= reach) {
        continue;
      }
      for (int j = reachedAt[exclusion.fromStep()] + 1; j < reachedAt[exclusion.toStep()]; j++) {
        if (exclusion.matcher().matches(table, events.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static FunnelResult result(
      FunnelQuery query, List<Counted> counted, long profiles, long attempts) {
    List<Series> series = new ArrayList<>();
    if (!(query.breakdown() instanceof Breakdown.None)) {
      Map<String, List<Counted>> groups = new HashMap<>();
      for (Counted c : counted) {
        groups.computeIfAbsent(c.breakdown(), v -> new ArrayList<>()).add(c);
      }
      List<String> values = new ArrayList<>(groups.keySet());
      values.sort(
          Comparator.comparingInt((String v) -> -groups.get(v).size())
              .thenComparing(Comparator.naturalOrder()));
      List<Counted> rest = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        if (i < query.maxSeries()) {
          series.add(new Series(values.get(i), steps(query, groups.get(values.get(i)))));
        } else {
          rest.addAll(groups.get(values.get(i)));
        }
      }
      if (!rest.isEmpty()) {
        series.add(new Series(Breakdown.OTHER_VALUE, steps(query, rest)));
      }
    }
    return new FunnelResult(steps(query, counted), series, List.of(), profiles, attempts);
  }

  private static List<StepResult> steps(FunnelQuery query, List<Counted> counted) {
    List<StepResult> out = new ArrayList<>();
    long first = counted.size();
    long previous = first;
    for (int s = 0; s < query.steps().size(); s++) {
      int step = s;
      List<Double> seconds =
          counted.stream()
              .filter(c -> c.reach() > step)
              .map(c -> c.micros().get(step) / 1e6)
              .sorted()
              .toList();
      long count = seconds.size();
      List<Long> histogram = new ArrayList<>(Collections.nCopies(11, 0L));
      if (s > 0) {
        for (double x : seconds) {
          int bucket = 10;
          while (x < Histogram.EDGES_SECONDS.get(bucket)) {
            bucket--;
          }
          histogram.set(bucket, histogram.get(bucket) + 1);
        }
      }
      boolean times = s > 0 && count > 0;
      out.add(
          new StepResult(
              query.steps().get(s).name(),
              count,
              first == 0 ? 0 : count / (double) first,
              previous == 0 ? 0 : count / (double) previous,
              previous - count,
              times
                  ? OptionalDouble.of(seconds.stream().mapToDouble(d -> d).average().orElseThrow())
                  : OptionalDouble.empty(),
              times ? OptionalDouble.of(median(seconds)) : OptionalDouble.empty(),
              times ? OptionalDouble.of(rank(seconds, 0.9)) : OptionalDouble.empty(),
              new Histogram(histogram)));
      previous = count;
    }
    return out;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
  private static double rank(List<Double> sorted, double q) {
    for (int i = 0; i < sorted.size(); i++) {
      if (i + 1 >= q * sorted.size() - 1e-9) {
        return sorted.get(i);
      }
    }
    return sorted.get(sorted.size() - 1);
  }
}
