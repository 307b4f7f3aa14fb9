package trailmap.analytics.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answers of one group (all answers, one touchpoint, stage or channel): a tally per survey
 * kind, the same per ISO week (keyed by the week's Monday, UTC), and the most recent comments with
 * the total number of comments. Immutable; {@link #merge} adds two partitions' groups.
 *
 * @param tallies one per kind, every kind present (n may be 0)
 * @param weekly per week start (a Monday), the tallies of that week; weeks without answers absent
 * @param comments the most recent comments, most recent first, at most the cap the engine was given
 * @param commentCount how many comments the group has in all
 */
public record SurveyGroup(
    Map<SurveyKind, SurveyTally> tallies,
    SortedMap<LocalDate, Map<SurveyKind, SurveyTally>> weekly,
    List<SurveyComment> comments,
    long commentCount) {

  public SurveyGroup {
    tallies = Collections.unmodifiableMap(complete(tallies));
    SortedMap<LocalDate, Map<SurveyKind, SurveyTally>> weeks = new TreeMap<>();
    weekly.forEach((week, t) -> weeks.put(week, Collections.unmodifiableMap(complete(t))));
    weekly = Collections.unmodifiableSortedMap(weeks);
    comments = List.copyOf(comments);
    if (commentCount < comments.size()) {
      throw new IllegalArgumentException(
          "comment count %d is below the %d comments kept"
              .formatted(commentCount, comments.size()));
    }
  }

  public static final SurveyGroup EMPTY = new SurveyGroup(Map.of(), new TreeMap<>(), List.of(), 0);

  public SurveyTally tally(SurveyKind kind) {
    return tallies.get(kind);
  }

  /** All answers of both groups; comments merged most recent first and cut to {@code cap}. */
  public SurveyGroup merge(SurveyGroup other, int cap) {
    Map<SurveyKind, SurveyTally> sum = add(tallies, other.tallies);
    SortedMap<LocalDate, Map<SurveyKind, SurveyTally>> weeks = new TreeMap<>(weekly);
    other.weekly.forEach((week, t) -> weeks.merge(week, t, SurveyGroup::add));
    List<SurveyComment> merged = new ArrayList<>(comments);
    merged.addAll(other.comments);
    merged.sort(SurveyComment.MOST_RECENT_FIRST);
    return new SurveyGroup(
        sum,
        weeks,
        merged.subList(0, Math.min(cap, merged.size())),
        commentCount + other.commentCount);
  }

  private static Map<SurveyKind, SurveyTally> add(
      Map<SurveyKind, SurveyTally> a, Map<SurveyKind, SurveyTally> b) {
    Map<SurveyKind, SurveyTally> sum = complete(a);
    complete(b).forEach((kind, t) -> sum.merge(kind, t, SurveyTally::merge));
    return sum;
  }

  private static EnumMap<SurveyKind, SurveyTally> complete(Map<SurveyKind, SurveyTally> tallies) {
    EnumMap<SurveyKind, SurveyTally> all = new EnumMap<>(SurveyKind.class);
    for (SurveyKind kind : SurveyKind.values()) {
      all.put(kind, tallies.getOrDefault(kind, SurveyTally.empty(kind)));
    }
    return all;
  }
}
