package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyComment;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.SurveyTally;

/** How survey figures are written in answers: intervals, tallies, groups and the scales. */
final class SurveyJson {
  private SurveyJson() {}

  /** {@code estimate/low/high/n/method}; NaN (no data) is written as null. */
  static ObjectNode interval(ObjectNode target, String valueField, Interval interval) {
    number(target, valueField, interval.estimate());
    number(target, "low", interval.low());
    number(target, "high", interval.high());
    target.put("n", interval.n());
    target.put("method", interval.method());
    return target;
  }

  static void number(ObjectNode target, String field, double value) {
    if (Double.isFinite(value)) {
      target.put(field, value);
    } else {
      target.putNull(field);
    }
  }

  /** One kind's figure: n, score with its interval, and the counts behind it. */
  static ObjectNode tally(ObjectNode target, SurveyTally tally) {
    interval(target, "score", tally.interval());
    switch (tally.kind()) {
      case NPS -> {
        long promoters = tally.count(9) + tally.count(10);
        long passives = tally.count(7) + tally.count(8);
        target.put("promoters", promoters);
        target.put("passives", passives);
        target.put("detractors", tally.n() - promoters - passives);
      }
      case CSAT -> target.put("satisfied", tally.count(4) + tally.count(5));
      case CES -> target.put("better", "lower");
    }
    return target;
  }

  /** The kinds of {@code only} (all when null) that have answers, plus the trend and comments. */
  static void group(ObjectNode target, SurveyGroup group, SurveyKind only) {
    long n = 0;
    for (SurveyTally tally : group.tallies().values()) {
      n += tally.n();
    }
    target.put("n", n);
    for (SurveyTally tally : group.tallies().values()) {
      if ((only == null || only == tally.kind()) && tally.n() > 0) {
        tally(target.putObject(tally.kind().wireName()), tally);
      }
    }
    ArrayNode weekly = target.putArray("weekly");
    group
        .weekly()
        .forEach(
            (week, tallies) -> {
              ObjectNode w = weekly.addObject();
              w.put("week", isoWeek(week));
              w.put("weekStart", week.toString());
              for (Map.Entry<SurveyKind, SurveyTally> e : tallies.entrySet()) {
                if ((only == null || only == e.getKey()) && e.getValue().n() > 0) {
                  interval(w.putObject(e.getKey().wireName()), "score", e.getValue().interval());
                }
              }
              if (w.size() == 2) {
                weekly.remove(weekly.size() - 1);
              }
            });
    ObjectNode comments = target.putObject("comments");
    comments.put("total", group.commentCount());
    ArrayNode kept = comments.putArray("kept");
    for (SurveyComment c : group.comments()) {
      if (only != null && c.kind() != only) {
        continue;
      }
      ObjectNode k = kept.addObject();
      k.put("profile", c.profileId());
      k.put("at", instant(c.micros()));
      k.put("survey", c.kind().wireName());
      k.put("score", c.score());
      c.touchpoint().ifPresent(t -> k.put("touchpoint", t));
      k.put("text", c.text());
    }
  }

  /** The scale, figure and direction of every kind. */
  static void scales(ObjectNode target) {
    for (SurveyKind kind : SurveyKind.values()) {
      scale(target.putObject(kind.wireName()), kind);
    }
  }

  static void scale(ObjectNode target, SurveyKind kind) {
    target.put("min", kind.min()).put("max", kind.max()).put("better", kind.better());
    target.put("scale", kind.scale());
  }

  /** {@code 2026-W02} for the week starting on that Monday. */
  static String isoWeek(LocalDate monday) {
    return "%d-W%02d"
        .formatted(
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String instant(long micros) {
    return java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS).toString();
  }
}
