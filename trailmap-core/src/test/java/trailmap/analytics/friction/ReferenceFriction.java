package trailmap.analytics.friction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.Labels;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.ReferenceAnswers.Answer;
import trailmap.analytics.matching.ReferenceMatching;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.events.JsonValue;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.PainPoint;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Friction written plainly from the definitions in {@link Friction}'s and the finders' Javadoc,
 * over the logged events of every profile. Each item is one line of text: {@code
 * kind|touchpoint|to|channel|affected|intensity|evidence…}, with its score beside it for ranking.
 */
final class ReferenceFriction {
  record Item(String line, double score, String kind, String touchpoint, String to) {}

  static final Comparator<Item> RANK =
      Comparator.comparingDouble(Item::score)
          .reversed()
          .thenComparing(Item::kind)
          .thenComparing(Item::touchpoint)
          .thenComparing(Item::to);

  private ReferenceFriction() {}

  static List<Item> of(List<LoggedEvent> log, JourneyMap map, FrictionRules rules) {
    List<List<LoggedEvent>> journeys = JourneyLogs.journeys(log);
    List<Item> items = new ArrayList<>();
    items.addAll(dropOffs(journeys, map, rules));
    items.addAll(repeatContacts(journeys, map, rules));
    items.addAll(longWaits(journeys, map, rules));
    items.addAll(feedback(ReferenceAnswers.read(log, Optional.of(map), e -> true), rules));
    return items;
  }

  static boolean matches(Touchpoint tp, LoggedEvent e) {
    return tp.matcher().map(m -> ReferenceMatching.matches(m, e)).orElse(false);
  }

  // -- drop-off: reached the touchpoint, never reached a later stage's touchpoint after it

  private static List<Item> dropOffs(
      List<List<LoggedEvent>> journeys, JourneyMap map, FrictionRules rules) {
    List<Stage> stages = map.stages();
    List<Touchpoint> candidates = new ArrayList<>();
    List<long[]> counts = new ArrayList<>(); // reached, dropped
    for (int s = 0; s < stages.size() - 1; s++) {
      List<Touchpoint> later = new ArrayList<>();
      for (int t = s + 1; t < stages.size(); t++) {
        later.addAll(stages.get(t).touchpoints());
      }
      for (Touchpoint tp : stages.get(s).touchpoints()) {
        long reached = 0;
        long onwards = 0;
        for (List<LoggedEvent> journey : journeys) {
          boolean seen = false;
          boolean goesOn = false;
          for (LoggedEvent e : journey) {
            if (seen && later.stream().anyMatch(l -> matches(l, e))) {
              goesOn = true;
            }
            seen |= matches(tp, e);
          }
          reached += seen ? 1 : 0;
          onwards += goesOn ? 1 : 0;
        }
        if (reached >= rules.minimumN() && onwards > 0) {
          candidates.add(tp);
          counts.add(new long[] {reached, reached - onwards});
        }
      }
    }
    List<Double> shares = new ArrayList<>();
    for (long[] c : counts) {
      shares.add((double) c[1] / c[0]);
    }
    double median = quantile(shares, 0.5);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Touchpoint tp = candidates.get(i);
      Optional<Double> fromHypothesis = expectedByHypothesis(map, tp.id());
      Optional<Double> fromKpi = expectedByKpi(tp);
      double expected = fromHypothesis.or(() -> fromKpi).orElse(median);
      String from =
          fromHypothesis.isPresent() ? "hypothesis" : fromKpi.isPresent() ? "kpi" : "median";
      double observed = shares.get(i);
      if (observed <= expected || expected >= 1) {
        continue;
      }
      double intensity = (observed - expected) / (1 - expected);
      long dropped = counts.get(i)[1];
      items.add(
          item(
              "drop-off",
              tp.id(),
              "",
              "",
              dropped,
              intensity,
              counts.get(i)[0] + "|" + dropped + "|" + fmt(expected) + "|" + from));
    }
    return items;
  }

  /**
   * The first drop-off or conversion claim (without a {@code to}) measured at the touchpoint, in
   * map order: a claim is measured at its named touchpoint, else at the one carrying it.
   */
  private static Optional<Double> expectedByHypothesis(JourneyMap map, String touchpoint) {
    for (Touchpoint carrier : map.touchpoints().toList()) {
      for (PainPoint pain : carrier.painPoints()) {
        if (pain.hypothesis().isEmpty()) {
          continue;
        }
        Hypothesis h = pain.hypothesis().get();
        if (!h.touchpoint().orElse(carrier.id()).equals(touchpoint) || h.to().isPresent()) {
          continue;
        }
        if (h.metric() == HypothesisMetric.DROP_OFF) {
          return Optional.of(h.atMost().orElseGet(() -> h.atLeast().get()));
        }
        if (h.metric() == HypothesisMetric.CONVERSION) {
          return Optional.of(1 - h.atLeast().orElseGet(() -> h.atMost().get()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> expectedByKpi(Touchpoint tp) {
    for (Kpi kpi : tp.kpis()) {
      if (kpi.target().isEmpty()) {
        continue;
      }
      double target = kpi.unit().equals("%") ? kpi.target().get() / 100 : kpi.target().get();
      if (kpi.metric().equals("drop-off")) {
        return Optional.of(target);
      }
      if (kpi.metric().equals("conversion")) {
        return Optional.of(1 - target);
      }
    }
    return Optional.empty();
  }

  // -- repeat contacts: episodes of contacts about one issue within the window of the first

  private record Contact(long micros, String channel, String place) {}

  private static List<Item> repeatContacts(
      List<List<LoggedEvent>> journeys, JourneyMap map, FrictionRules rules) {
    Map<String, long[]> places = new LinkedHashMap<>(); // episodes, repeated, contacts, cross
    Map<String, Set<String>> profiles = new LinkedHashMap<>();
    Map<String, Map<String, Long>> issues = new LinkedHashMap<>();
    for (List<LoggedEvent> journey : journeys) {
      Map<String, List<Contact>> byIssue = new LinkedHashMap<>();
      for (LoggedEvent e : journey) {
        Optional<String> issue =
            e.properties().get(rules.issueProperty()).flatMap(ReferenceFriction::text);
        if (issue.isEmpty()) {
          continue;
        }
        Optional<Touchpoint> tp = map.touchpoints().filter(t -> matches(t, e)).findFirst();
        String channel = tp.map(Touchpoint::channel).orElse(e.channel());
        if (!rules.supportChannels().contains(e.channel())
            && !rules.supportChannels().contains(channel)) {
          continue;
        }
        String place = tp.map(t -> "touchpoint:" + t.id()).orElse("channel:" + e.channel());
        byIssue
            .computeIfAbsent(issue.get(), k -> new ArrayList<>())
            .add(new Contact(e.micros(), channel, place));
      }
      byIssue.forEach(
          (issue, contacts) -> {
            int start = 0;
            while (start < contacts.size()) {
              Contact first = contacts.get(start);
              int end = start;
              Set<String> channels = new HashSet<>();
              while (end < contacts.size()
                  && contacts.get(end).micros() <= first.micros() + rules.repeatWindowMicros()) {
                channels.add(contacts.get(end).channel());
                end++;
              }
              long[] place = places.computeIfAbsent(first.place(), k -> new long[4]);
              place[0]++;
              if (end - start > 1) {
                place[1]++;
                place[2] += end - start;
                place[3] += channels.size() > 1 ? 1 : 0;
                profiles
                    .computeIfAbsent(first.place(), k -> new HashSet<>())
                    .add(journey.getFirst().profile());
                issues
                    .computeIfAbsent(first.place(), k -> new TreeMap<>())
                    .merge(issue, 1L, Long::sum);
              }
              start = end;
            }
          });
    }
    List<Item> items = new ArrayList<>();
    places.forEach(
        (key, c) -> {
          if (c[1] == 0 || c[0] < rules.minimumN()) {
            return;
          }
          List<Map.Entry<String, Long>> top = new ArrayList<>(issues.get(key).entrySet());
          top.sort(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()));
          long affected = profiles.get(key).size();
          String id = key.substring(key.indexOf(':') + 1);
          boolean onMap = key.startsWith("touchpoint:");
          items.add(
              item(
                  "repeat-contacts",
                  onMap ? id : "",
                  "",
                  onMap ? "" : id,
                  affected,
                  (double) c[1] / c[0],
                  c[0]
                      + "|"
                      + c[1]
                      + "|"
                      + affected
                      + "|"
                      + c[2]
                      + "|"
                      + c[3]
                      + "|"
                      + top.subList(0, Math.min(3, top.size()))));
        });
    return items;
  }

  private static Optional<String> text(JsonValue v) {
    return switch (v) {
      case JsonValue.Str s -> s.value().isBlank() ? Optional.empty() : Optional.of(s.value());
      case JsonValue.Num n -> Optional.of(Long.toString((long) n.value()));
      default -> Optional.empty();
    };
  }

  // -- long waits: gaps between consecutive (merged) touchpoint steps

  private static List<Item> longWaits(
      List<List<LoggedEvent>> journeys, JourneyMap map, FrictionRules rules) {
    Map<List<String>, List<Double>> gaps = new LinkedHashMap<>();
    List<Double> all = new ArrayList<>();
    for (List<LoggedEvent> journey : journeys) {
      String previous = null;
      long previousLast = 0;
      for (LoggedEvent e : journey) {
        Optional<String> node = Labels.TOUCHPOINTS.reference(map).apply(e);
        if (node.isEmpty()) {
          continue;
        }
        if (previous != null && !previous.equals(node.get())) {
          double gap = (e.micros() - previousLast) / 1e6;
          gaps.computeIfAbsent(List.of(previous, node.get()), k -> new ArrayList<>()).add(gap);
          all.add(gap);
        }
        previous = node.get();
        previousLast = e.micros();
      }
    }
    double overall = quantile(all, 0.5);
    List<Item> items = new ArrayList<>();
    if (overall <= 0) {
      return items;
    }
    double threshold = rules.waitRatio() * overall;
    gaps.forEach(
        (pair, list) -> {
          double p90 = quantile(list, 0.9);
          if (list.size() < rules.minimumN() || p90 <= threshold) {
            return;
          }
          long longOnes = list.stream().filter(g -> g > threshold).count();
          if (longOnes == 0) {
            return;
          }
          items.add(
              item(
                  "long-wait",
                  pair.get(0),
                  pair.get(1),
                  "",
                  longOnes,
                  1 - threshold / p90,
                  list.size() + "|" + longOnes + "|" + fmt(p90) + "|" + fmt(overall)));
        });
    return items;
  }

  // -- low scores and negative feedback, from the answers attached to each touchpoint

  private static List<Item> feedback(List<Answer> answers, FrictionRules rules) {
    Map<String, List<Answer>> byTouchpoint = new TreeMap<>();
    for (Answer a : answers) {
      a.touchpoint().ifPresent(t -> byTouchpoint.computeIfAbsent(t, k -> new ArrayList<>()).add(a));
    }
    List<Item> items = new ArrayList<>();
    byTouchpoint.forEach(
        (tp, list) -> {
          for (SurveyKind kind : SurveyKind.values()) {
            List<Integer> scores =
                list.stream().filter(a -> a.kind() == kind).map(Answer::score).toList();
            if (scores.isEmpty() || scores.size() < rules.minimumN()) {
              continue;
            }
            long n = scores.size();
            long unhappy = scores.stream().filter(s -> unhappy(kind, s)).count();
            double value;
            double intensity;
            switch (kind) {
              case NPS -> {
                long promoters = scores.stream().filter(s -> s >= 9).count();
                long detractors = scores.stream().filter(s -> s <= 6).count();
                value = 100.0 * (promoters - detractors) / n;
                intensity = (rules.npsBelow() - value) / (rules.npsBelow() + 100);
              }
              case CSAT -> {
                value = (double) scores.stream().filter(s -> s >= 4).count() / n;
                intensity = (rules.csatBelow() - value) / rules.csatBelow();
              }
              case CES -> {
                value = scores.stream().mapToInt(Integer::intValue).sum() / (double) n;
                intensity = (value - rules.cesAbove()) / (7 - rules.cesAbove());
              }
              default -> throw new IllegalStateException();
            }
            if (intensity > 0) {
              items.add(
                  item(
                      "low-score",
                      tp,
                      "",
                      "",
                      unhappy,
                      Math.min(1, intensity),
                      kind + "|" + n + "|" + fmt(value) + "|" + unhappy));
            }
          }
          List<Answer> commented = list.stream().filter(a -> a.comment().isPresent()).toList();
          long negative = 0;
          Map<String, Long> words = new TreeMap<>();
          for (Answer a : commented) {
            String text = a.comment().get().toLowerCase(Locale.ROOT);
            boolean hit = unhappy(a.kind(), a.score());
            for (String word : rules.negativeWords()) {
              if (text.contains(word)) {
                words.merge(word, 1L, Long::sum);
                hit = true;
              }
            }
            negative += hit ? 1 : 0;
          }
          if (!commented.isEmpty() && negative >= rules.minimumN()) {
            items.add(
                item(
                    "negative-feedback",
                    tp,
                    "",
                    "",
                    negative,
                    (double) negative / commented.size(),
                    negative + "|" + commented.size() + "|" + words));
          }
        });
    return items;
  }

  /** NPS 0-6, CSAT 1-3, CES 5-7. */
  private static boolean unhappy(SurveyKind kind, int score) {
    return switch (kind) {
      case NPS -> score <= 6;
      case CSAT -> score <= 3;
      case CES -> score >= 5;
    };
  }

  // -- shared

  private static Item item(
      String kind,
      String touchpoint,
      String to,
      String channel,
      long affected,
      double intensity,
      String evidence) {
    String line =
        String.join(
            "|", kind, touchpoint, to, channel, Long.toString(affected), fmt(intensity), evidence);
    return new Item(line, affected * intensity, kind, touchpoint, to);
  }

  /** Type 7 quantile (linear between closest ranks); 0 for no values. */
  static double quantile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    double rank = p * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.size() - 1);
    return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /** The engine's items in the reference's shape. */
  static Item project(FrictionItem i) {
    String evidence =
        switch (i.evidence()) {
          case Evidence.DropOff d ->
              d.reached() + "|" + d.dropped() + "|" + fmt(d.expected()) + "|" + d.expectedFrom();
          case Evidence.RepeatContacts r ->
              r.episodes()
                  + "|"
                  + r.repeated()
                  + "|"
                  + r.profiles()
                  + "|"
                  + r.contacts()
                  + "|"
                  + r.crossChannel()
                  + "|"
                  + new ArrayList<>(r.topIssues().entrySet());
          case Evidence.LongWait w ->
              w.transitions()
                  + "|"
                  + w.longOnes()
                  + "|"
                  + fmt(w.p90Seconds())
                  + "|"
                  + fmt(w.overallMedianSeconds());
          case Evidence.LowScore s ->
              s.survey()
                  + "|"
                  + s.score().n()
                  + "|"
                  + fmt(s.score().estimate())
                  + "|"
                  + s.unhappy();
          case Evidence.NegativeFeedback f ->
              f.negative() + "|" + f.comments() + "|" + new TreeMap<>(f.words());
        };
    String line =
        String.join(
            "|",
            i.evidence().kind(),
            i.touchpoint().orElse(""),
            i.to().orElse(""),
            i.channel().orElse(""),
            Long.toString(i.affected()),
            fmt(i.intensity()),
            evidence);
    return new Item(
        line, i.score(), i.evidence().kind(), i.touchpoint().orElse(""), i.to().orElse(""));
  }
}
