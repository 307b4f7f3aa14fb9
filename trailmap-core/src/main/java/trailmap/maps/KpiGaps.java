package trailmap.maps;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes {@link MapDiff#kpiGaps()}; the matching rules are documented on {@link KpiGap}. */
final class KpiGaps {
  private KpiGaps() {}

  /** A KPI with the stage it is in and the touchpoint it is on (empty for a stage KPI). */
  private record Placed(Kpi kpi, String stage, Optional<String> touchpoint) {
    /** KPI ids are unique per owner; touchpoint ids are unique per map, whatever the stage. */
    String ownerKey() {
      return touchpoint.map(t -> "touchpoint:" + t).orElse("stage:" + stage) + "/" + kpi.id();
    }
  }

  static List<KpiGap> between(JourneyMap before, JourneyMap after) {
    List<Placed> was = placed(before);
    List<Placed> now = placed(after);
    Map<Integer, Integer> partner = new HashMap<>();
    boolean[] taken = new boolean[was.size()];
    Map<String, ArrayDeque<Integer>> byOwner = new HashMap<>();
    for (int i = 0; i < was.size(); i++) {
      byOwner.computeIfAbsent(was.get(i).ownerKey(), k -> new ArrayDeque<>()).add(i);
    }
    for (int j = 0; j < now.size(); j++) {
      ArrayDeque<Integer> candidates = byOwner.get(now.get(j).ownerKey());
      if (candidates != null && !candidates.isEmpty()) {
        int i = candidates.removeFirst();
        taken[i] = true;
        partner.put(j, i);
      }
    }
    // A KPI that changed owner (a stage KPI moved onto a touchpoint, say) is still the same KPI
    // when its id leaves no doubt: once among the unmatched KPIs of each map.
    for (int j = 0; j < now.size(); j++) {
      if (partner.containsKey(j)) {
        continue;
      }
      String id = now.get(j).kpi().id();
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < was.size(); i++) {
        if (!taken[i] && was.get(i).kpi().id().equals(id)) {
          candidates.add(i);
        }
      }
      if (candidates.size() == 1 && unmatchedWithId(now, partner, id) == 1) {
        taken[candidates.getFirst()] = true;
        partner.put(j, candidates.getFirst());
      }
    }
    List<KpiGap> gaps = new ArrayList<>();
    for (int j = 0; j < now.size(); j++) {
      Integer i = partner.get(j);
      gaps.add(i == null ? onlyAfter(now.get(j)) : both(was.get(i).kpi(), now.get(j)));
    }
    for (int i = 0; i < was.size(); i++) {
      if (!taken[i]) {
        gaps.add(onlyBefore(was.get(i)));
      }
    }
    return List.copyOf(gaps);
  }

  private static long unmatchedWithId(List<Placed> now, Map<Integer, Integer> partner, String id) {
    long count = 0;
    for (int j = 0; j < now.size(); j++) {
      if (!partner.containsKey(j) && now.get(j).kpi().id().equals(id)) {
        count++;
      }
    }
    return count;
  }

  private static KpiGap both(Kpi was, Placed now) {
    Kpi kpi = now.kpi();
    Optional<Double> from = was.current().or(was::target);
    Optional<Double> to = kpi.target();
    Optional<Double> gap = Optional.empty();
    Optional<Boolean> improves = Optional.empty();
    if (from.isPresent() && to.isPresent()) {
      // Decimal arithmetic so that a target of 0.3 against 0.1 is a gap of 0.2, not 0.19999...
      BigDecimal difference = BigDecimal.valueOf(to.get()).subtract(BigDecimal.valueOf(from.get()));
      gap = Optional.of(difference.doubleValue());
      int sign = difference.signum();
      improves = Optional.of(kpi.better() == Kpi.Direction.HIGHER ? sign > 0 : sign < 0);
    }
    return new KpiGap(
        kpi.id(),
        kpi.name(),
        now.stage(),
        now.touchpoint(),
        KpiGap.Presence.BOTH,
        from,
        to,
        gap,
        kpi.unit(),
        kpi.better(),
        improves);
  }

  private static KpiGap onlyAfter(Placed now) {
    Kpi kpi = now.kpi();
    return new KpiGap(
        kpi.id(),
        kpi.name(),
        now.stage(),
        now.touchpoint(),
        KpiGap.Presence.AFTER_ONLY,
        Optional.empty(),
        kpi.target(),
        Optional.empty(),
        kpi.unit(),
        kpi.better(),
        Optional.empty());
  }

  private static KpiGap onlyBefore(Placed was) {
    Kpi kpi = was.kpi();
    return new KpiGap(
        kpi.id(),
        kpi.name(),
        was.stage(),
        was.touchpoint(),
        KpiGap.Presence.BEFORE_ONLY,
        kpi.current().or(kpi::target),
        Optional.empty(),
        Optional.empty(),
        kpi.unit(),
        kpi.better(),
        Optional.empty());
  }

  /** Every KPI of a map in map order: each stage's own KPIs, then those of its touchpoints. */
  private static List<Placed> placed(JourneyMap map) {
    List<Placed> placed = new ArrayList<>();
    for (Stage stage : map.stages()) {
      stage.kpis().forEach(kpi -> placed.add(new Placed(kpi, stage.id(), Optional.empty())));
      for (Touchpoint tp : stage.touchpoints()) {
        tp.kpis().forEach(kpi -> placed.add(new Placed(kpi, stage.id(), Optional.of(tp.id()))));
      }
    }
    return placed;
  }
}
