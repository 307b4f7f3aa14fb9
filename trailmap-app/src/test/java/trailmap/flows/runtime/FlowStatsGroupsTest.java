package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.store.Database;

/**
 * The holdout groups of the statistics ({@link FlowStatsQuery#CONVERTED} with the entered and
 * held-out counts) are those that grouping every entered profile gives, the query the statistics
 * ran until session 13, for any mix of entries, holdouts, conversions and other endings.
 */
class FlowStatsGroupsTest {
  /** What grouping every entered profile by whether it was ever held out gives. */
  static final String GROUPED =
      "SELECT e.held, count(*), count(l.profile_key) FROM"
          + " (SELECT profile_key, max(outcome = 'held-out') AS held FROM activity"
          + "  WHERE flow_id = ? AND kind = 'entered' GROUP BY profile_key) e"
          + " LEFT JOIN (SELECT DISTINCT profile_key FROM activity WHERE flow_id = ?"
          + "  AND kind = 'left' AND outcome = 'converted') l ON l.profile_key = e.profile_key"
          + " GROUP BY e.held";

  /** A timeline line: who (0..5), which flow (0..1), and one of {@link #LINES}. */
  record Line(int profile, int flow, int line) {}

  private static final List<String[]> LINES =
      List.of(
          new String[] {"entered", "entered"},
          new String[] {"entered", "held-out"},
          new String[] {"left", "converted"},
          new String[] {"left", "completed"},
          new String[] {"left", "exited"},
          new String[] {"send", "queued"});

  @Property(tries = 80)
  void groupsAreThoseOfGroupingEveryEnteredProfile(@ForAll("lines") List<Line> lines)
      throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("flow-groups")) {
      Database db = scratch.db;
      db.transaction(
          c -> {
            for (Line l : lines) {
              String[] line = LINES.get(l.line());
              Outbox.activity(
                  c,
                  FlowProfiles.number(c, "p" + l.profile()),
                  1,
                  "flow" + l.flow(),
                  1,
                  null,
                  line[0],
                  line[1],
                  "",
                  null);
            }
            return null;
          });
      db.read(
          c -> {
            FlowStats stats = FlowStatsQuery.of(c, "flow0");
            long[] groups = new long[4];
            Sql.list(
                c,
                GROUPED,
                r -> {
                  int at = r.getInt(1) == 1 ? 2 : 0;
                  groups[at] = r.getLong(2);
                  groups[at + 1] = r.getLong(3);
                  return null;
                },
                "flow0",
                "flow0");
            assertThat(List.of(stats.treatment(), stats.holdout()))
                .isEqualTo(
                    List.of(
                        new FlowStats.Group(groups[0], groups[1]),
                        new FlowStats.Group(groups[2], groups[3])));
            return null;
          });
    }
  }

  @Provide
  Arbitrary<List<Line>> lines() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, LINES.size() - 1))
        .as(Line::new)
        .list()
        .ofMaxSize(40);
  }
}
