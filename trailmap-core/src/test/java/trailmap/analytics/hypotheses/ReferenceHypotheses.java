package trailmap.analytics.hypotheses;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.ReferenceAnswers.Answer;
import trailmap.analytics.matching.ReferenceMatching;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.Hypothesis;
import trailmap.maps.JourneyMap;
import trailmap.maps.PainPoint;
import trailmap.maps.Touchpoint;

/**
 * Hypotheses measured plainly over logged events, from the definitions in {@link Hypotheses}'s
 * Javadoc: one {@link Measured} per claim, in map order.
 */
final class ReferenceHypotheses {
  /** What a claim measured: where, its value (NaN when undefined) and n. */
  record Measured(String carrier, String touchpoint, Optional<String> to, double value, long n) {}

  private ReferenceHypotheses() {}

  static List<Measured> of(List<LoggedEvent> log, JourneyMap map, Predicate<LoggedEvent> counted) {
    List<Touchpoint> order = map.touchpoints().toList();
    List<Measured> results = new ArrayList<>();
    for (Touchpoint carrier : order) {
      for (PainPoint pain : carrier.painPoints()) {
        if (pain.hypothesis().isEmpty()) {
          continue;
        }
        Hypothesis h = pain.hypothesis().get();
        String at = h.touchpoint().orElse(carrier.id());
        double value;
        long n;
        switch (h.metric()) {
          case DROP_OFF, CONVERSION, TIME_TO_NEXT -> {
            Optional<Touchpoint> from = map.touchpoint(at);
            List<Touchpoint> onwards = new ArrayList<>();
            if (from.isPresent()) {
              if (h.to().isPresent()) {
                map.touchpoint(h.to().get()).ifPresent(onwards::add);
              } else {
                onwards.addAll(order.subList(order.indexOf(from.get()) + 1, order.size()));
              }
            }
            long entered = 0;
            List<Double> seconds = new ArrayList<>();
            for (List<LoggedEvent> journey : JourneyLogs.journeys(log)) {
              boolean enters = false;
              for (int i = 0; i < journey.size() && from.isPresent(); i++) {
                LoggedEvent visit = journey.get(i);
                if (!counted.test(visit) || !matches(from.get(), visit)) {
                  continue;
                }
                enters = true;
                Optional<LoggedEvent> next =
                    journey.subList(i + 1, journey.size()).stream()
                        .filter(e -> onwards.stream().anyMatch(t -> matches(t, e)))
                        .findFirst();
                if (next.isPresent()) {
                  seconds.add((next.get().micros() - visit.micros()) / 1e6);
                  break;
                }
              }
              entered += enters ? 1 : 0;
            }
            long converted = seconds.size();
            switch (h.metric()) {
              case DROP_OFF -> {
                value = entered == 0 ? Double.NaN : (double) (entered - converted) / entered;
                n = entered;
              }
              case CONVERSION -> {
                value = entered == 0 ? Double.NaN : (double) converted / entered;
                n = entered;
              }
              default -> {
                value = median(seconds);
                n = converted;
              }
            }
          }
          default -> {
            SurveyKind kind = SurveyKind.valueOf(h.metric().name());
            List<Integer> scores =
                ReferenceAnswers.read(log, Optional.of(map), counted).stream()
                    .filter(a -> a.kind() == kind && a.touchpoint().equals(Optional.of(at)))
                    .map(Answer::score)
                    .toList();
            value = surveyValue(kind, scores);
            n = scores.size();
          }
        }
        results.add(new Measured(carrier.id(), at, h.to(), value, n));
      }
    }
    return results;
  }

  private static boolean matches(Touchpoint tp, LoggedEvent e) {
    return tp.matcher().map(m -> ReferenceMatching.matches(m, e)).orElse(false);
  }

  private static double surveyValue(SurveyKind kind, List<Integer> scores) {
    long n = scores.size();
    if (n == 0) {
      return Double.NaN;
    }
    return switch (kind) {
      case NPS ->
          100.0
              * (scores.stream().filter(s -> s >= 9).count()
                  - scores.stream().filter(s -> s <= 6).count())
              / n;
      case CSAT -> (double) scores.stream().filter(s -> s >= 4).count() / n;
      case CES -> scores.stream().mapToInt(Integer::intValue).sum() / (double) n;
    };
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
