package trailmap.analytics.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.ReferenceAnswers.Answer;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;

/**
 * Comparisons written plainly over logged events: a group is a predicate on an event (and its
 * profile's traits), each figure is counted from the definitions in {@link Compare}'s and {@link
 * trailmap.analytics.conversion.Conversion}'s Javadoc, and the difference is a − b.
 */
final class ReferenceCompare {
  /** A figure of one group: its value (NaN when undefined) and n. */
  record Figure(double value, long n) {}

  /** Both groups and the difference of their figures. */
  record Result(Figure a, Figure b, double difference) {}

  /** The events a side of {@code groups} counts. */
  static Predicate<LoggedEvent> side(Groups groups, int side, Map<String, String> plans) {
    return switch (groups) {
      case Groups.Periods p -> {
        long from = side == 0 ? p.aFrom() : p.bFrom();
        long to = side == 0 ? p.aTo() : p.bTo();
        yield e -> e.micros() >= from && e.micros() < to;
      }
      case Groups.ByValue v -> {
        String value = side == 0 ? v.a() : v.b();
        yield v.trait()
            ? e -> value.equals(plans.get(e.profile()))
            : e ->
                e.properties().get(v.property()).orElse(new JsonValue.Null())
                        instanceof JsonValue.Str s
                    && s.value().equals(value);
      }
    };
  }

  /** Per converting profile, seconds from its earliest converting A (in the side) to the next B. */
  private record Conversions(long entered, List<Double> seconds) {}

  private static Conversions conversions(
      List<LoggedEvent> log, String first, String then, long window, Predicate<LoggedEvent> side) {
    long entered = 0;
    List<Double> seconds = new ArrayList<>();
    for (List<LoggedEvent> journey : JourneyLogs.journeys(log)) {
      boolean enters = false;
      for (int i = 0; i < journey.size(); i++) {
        LoggedEvent a = journey.get(i);
        if (!a.name().equals(first) || !side.test(a)) {
          continue;
        }
        enters = true;
        Optional<LoggedEvent> b =
            journey.subList(i + 1, journey.size()).stream()
                .filter(e -> e.name().equals(then))
                .findFirst();
        if (b.isPresent() && b.get().micros() - a.micros() <= window) {
          seconds.add((b.get().micros() - a.micros()) / 1e6);
          break;
        }
      }
      entered += enters ? 1 : 0;
    }
    return new Conversions(entered, seconds);
  }

  static Result conversion(
      List<LoggedEvent> log,
      String first,
      String then,
      long window,
      Groups groups,
      Map<String, String> plans) {
    Figure[] figures = new Figure[2];
    for (int s = 0; s < 2; s++) {
      Conversions c = conversions(log, first, then, window, side(groups, s, plans));
      figures[s] = new Figure(share(c.seconds().size(), c.entered()), c.entered());
    }
    return new Result(figures[0], figures[1], figures[0].value() - figures[1].value());
  }

  static Result timeToNext(
      List<LoggedEvent> log,
      String first,
      String then,
      long window,
      Groups groups,
      Map<String, String> plans) {
    List<List<Double>> samples = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      samples.add(conversions(log, first, then, window, side(groups, s, plans)).seconds());
    }
    List<Double> shifts = new ArrayList<>();
    for (double x : samples.get(0)) {
      for (double y : samples.get(1)) {
        shifts.add(x - y);
      }
    }
    return new Result(
        new Figure(median(samples.get(0)), samples.get(0).size()),
        new Figure(median(samples.get(1)), samples.get(1).size()),
        median(shifts));
  }

  static Result survey(
      List<LoggedEvent> log,
      Optional<JourneyMap> map,
      SurveyKind kind,
      Optional<String> touchpoint,
      Groups groups,
      Map<String, String> plans) {
    Figure[] figures = new Figure[2];
    for (int s = 0; s < 2; s++) {
      List<Integer> scores =
          ReferenceAnswers.read(log, map, side(groups, s, plans)).stream()
              .filter(a -> a.kind() == kind)
              .filter(a -> touchpoint.isEmpty() || a.touchpoint().equals(touchpoint))
              .map(Answer::score)
              .toList();
      figures[s] = new Figure(value(kind, scores), scores.size());
    }
    double difference = figures[0].value() - figures[1].value();
    if (kind == SurveyKind.CES && (figures[0].n() < 2 || figures[1].n() < 2)) {
      difference = Double.NaN; // Welch's t needs two answers a side
    }
    return new Result(figures[0], figures[1], difference);
  }

  /** NPS in points, CSAT the share of 4-5, CES the mean; NaN without answers. */
  static double value(SurveyKind kind, List<Integer> scores) {
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

  private static double share(long x, long n) {
    return n == 0 ? Double.NaN : (double) x / n;
  }

  /** The median, the mean of the two middle values when even; NaN for none. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The engine's answer in the reference's shape. */
  static Result project(Compared compared) {
    return new Result(
        new Figure(compared.a().estimate(), compared.a().n()),
        new Figure(compared.b().estimate(), compared.b().n()),
        compared.comparison().difference());
  }
}
