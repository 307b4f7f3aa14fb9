package trailmap.analytics.surveys;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.maps.JourneyMap;

/**
 * Sums survey answers per touchpoint, stage and channel, and overall.
 *
 * <pre>{@code
 * SurveysFound found = Surveys.of(table, Optional.of(map), SurveyFields.DEFAULT, EventFilter.ALL, 20);
 * Interval nps = found.byTouchpoint().get("checkout").tally(SurveyKind.NPS).interval();
 * }</pre>
 *
 * <p>Weeks are ISO weeks in UTC starting on Monday. Comments are kept most recent first, at most
 * {@code commentCap} per group, with the total count beside them.
 */
public final class Surveys {
  /** The default number of comments kept per group. */
  public static final int DEFAULT_COMMENTS = 20;

  private Surveys() {}

  /** Reads the answers among the events {@code filter} counts and sums them. */
  public static SurveysFound of(
      EventTable table,
      Optional<JourneyMap> map,
      SurveyFields fields,
      EventFilter filter,
      int commentCap) {
    return summarize(SurveyResponses.read(table, map, fields, filter), commentCap);
  }

  /** Sums answers already read. */
  public static SurveysFound summarize(ResponsesRead read, int commentCap) {
    if (commentCap < 0) {
      throw new IllegalArgumentException("the comment cap must be 0 or more, was " + commentCap);
    }
    Group overall = new Group();
    Map<String, Group> byTouchpoint = new HashMap<>();
    Map<String, Group> byStage = new HashMap<>();
    Map<String, Group> byChannel = new HashMap<>();
    long unattached = 0;
    for (SurveyResponse response : read.responses()) {
      overall.add(response);
      byChannel.computeIfAbsent(response.channel(), k -> new Group()).add(response);
      if (response.touchpoint().isPresent()) {
        byTouchpoint.computeIfAbsent(response.touchpoint().get(), k -> new Group()).add(response);
      } else {
        unattached++;
      }
      response.stage().ifPresent(s -> byStage.computeIfAbsent(s, k -> new Group()).add(response));
    }
    return new SurveysFound(
        overall.build(commentCap),
        build(byTouchpoint, commentCap),
        build(byStage, commentCap),
        build(byChannel, commentCap),
        unattached,
        read.rejected(),
        read.touchpointsNotOnMap());
  }

  /** The Monday (UTC) starting the ISO week of an instant given in microseconds. */
  public static LocalDate weekOf(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
        .atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static TreeMap<String, SurveyGroup> build(Map<String, Group> groups, int cap) {
    TreeMap<String, SurveyGroup> built = new TreeMap<>();
    groups.forEach((key, group) -> built.put(key, group.build(cap)));
    return built;
  }

  /** Counts per score while the answers are read. */
  private static final class Group {
    private final EnumMap<SurveyKind, long[]> counts = new EnumMap<>(SurveyKind.class);
    private final TreeMap<LocalDate, EnumMap<SurveyKind, long[]>> weekly = new TreeMap<>();
    private final List<SurveyComment> comments = new ArrayList<>();

    void add(SurveyResponse r) {
      increment(counts, r);
      increment(
          weekly.computeIfAbsent(weekOf(r.micros()), w -> new EnumMap<>(SurveyKind.class)), r);
      if (r.comment().isPresent()) {
        comments.add(SurveyComment.of(r));
      }
    }

    private static void increment(EnumMap<SurveyKind, long[]> counts, SurveyResponse r) {
      counts
          .computeIfAbsent(r.kind(), k -> new long[k.max() - k.min() + 1])[
          r.score() - r.kind().min()]++;
    }

    SurveyGroup build(int cap) {
      TreeMap<LocalDate, Map<SurveyKind, SurveyTally>> weeks = new TreeMap<>();
      weekly.forEach((week, c) -> weeks.put(week, tallies(c)));
      comments.sort(SurveyComment.MOST_RECENT_FIRST);
      return new SurveyGroup(
          tallies(counts),
          weeks,
          comments.subList(0, Math.min(cap, comments.size())),
          comments.size());
    }

    private static Map<SurveyKind, SurveyTally> tallies(EnumMap<SurveyKind, long[]> counts) {
      EnumMap<SurveyKind, SurveyTally> tallies = new EnumMap<>(SurveyKind.class);
      counts.forEach((kind, c) -> tallies.put(kind, SurveyTally.of(kind, c)));
      return tallies;
    }
  }
}
