package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * After any mix of the statements that change flow states (saves of entries, steps, leaving and
 * version migrations, with the engine's timer decisions and whatever the caller read before, fired
 * timers, erasures): the counts the statistics read ({@code flow_counts}, kept by {@link
 * FlowStates#save} and, for erasures, a trigger) are what counting the states gives, and the
 * wake-ups armed are those the separate {@code timers} table of earlier versions held.
 */
class FlowCountsPropertiesTest {
  /** One statement on flow_state. */
  sealed interface Op {}

  /**
   * What the caller of a save read before: nothing; the state saved last (or, when none is there,
   * as if the row were gone since the read); a state the row no longer holds (another version).
   */
  enum Prior {
    NONE,
    SAVED,
    STALE
  }

  /**
   * A save with the engine's timer decisions: arm at {@code setAt}, disarm {@code cancelAt}; {@code
   * prior} is what the saving round read.
   */
  record Save(
      int profile,
      int flow,
      int version,
      int step,
      int outcome,
      Long setAt,
      Long cancelAt,
      Prior prior)
      implements Op {}

  /** A fired timer: disarmed if still armed for {@code at}. */
  record Disarm(int profile, int flow, long at) implements Op {}

  record Erase(int profile) implements Op {}

  private static final List<String> STEPS = List.of("", "wait", "send");

  @Property(tries = 60)
  void countsMatchTheStatesAfterAnyStatements(@ForAll("ops") List<Op> ops, @ForAll boolean asARound)
      throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("flow-counts")) {
      Database db = scratch.db;
      // The wake-ups as the timers table of earlier versions held them: a row per (flow, profile),
      // upserted by a set, deleted by a cancel or a firing of the time it holds, and by erasure.
      Map<String, Long> timers = new TreeMap<>();
      Map<String, FlowState> saved = new TreeMap<>();
      db.transaction(
          c -> {
            // As a round of the flow thread counts: every save's count changes summed, written
            // before the commit (FlowWork.roundTransaction); else each save writes its own.
            RoundChanges round = new RoundChanges();
            for (Op op : ops) {
              switch (op) {
                case Save s -> {
                  String key = "flow" + s.flow() + "/p" + s.profile();
                  FlowState previous =
                      switch (s.prior()) {
                        case NONE -> null;
                        case SAVED -> saved.getOrDefault(key, state(s));
                        case STALE -> otherVersion(state(s));
                      };
                  FlowProfiles.Numbered who = FlowProfiles.number(c, "p" + s.profile());
                  if (asARound) {
                    FlowStates.save(
                        c, who, state(s), s.setAt(), s.cancelAt(), null, previous, round);
                  } else {
                    FlowStates.save(c, who, state(s), s.setAt(), s.cancelAt(), null, previous);
                  }
                  saved.put(key, state(s));
                  if (s.cancelAt() != null && s.cancelAt().equals(timers.get(key))) {
                    timers.remove(key);
                  }
                  if (s.setAt() != null) {
                    timers.put(key, s.setAt());
                  }
                }
                case Disarm d -> {
                  String key = "flow" + d.flow() + "/p" + d.profile();
                  int disarmed =
                      FlowStates.disarm(
                          c, "flow" + d.flow(), new ProfileId("p" + d.profile()), d.at(), round);
                  boolean armed = Long.valueOf(d.at()).equals(timers.get(key));
                  assertThat(disarmed).as("disarm of " + key).isEqualTo(armed ? 1 : 0);
                  if (armed) {
                    timers.remove(key);
                  }
                }
                case Erase e -> {
                  // An erasure is a transaction of its own, after the rounds before it.
                  round.write(c);
                  Sql.update(c, "DELETE FROM flow_state WHERE profile_id = ?", "p" + e.profile());
                  timers.keySet().removeIf(k -> k.endsWith("/p" + e.profile()));
                  saved.keySet().removeIf(k -> k.endsWith("/p" + e.profile()));
                }
              }
            }
            round.write(c);
            return null;
          });
      db.read(
          c -> {
            Map<String, Long> armed = new TreeMap<>();
            Sql.list(
                c,
                "SELECT flow_id, profile_id, due_at FROM flow_state WHERE due_at IS NOT NULL",
                r -> armed.put(r.getString(1) + "/" + r.getString(2), r.getLong(3)));
            assertThat(armed).as("wake-ups").isEqualTo(timers);
            return null;
          });
      db.read(
          c -> {
            assertThat(
                    Sql.list(
                        c,
                        "SELECT flow_id, version, step, outcome, profiles FROM flow_counts"
                            + " WHERE profiles <> 0 ORDER BY 1, 2, 3, 4",
                        FlowCountsPropertiesTest::row))
                .isEqualTo(
                    Sql.list(
                        c,
                        "SELECT flow_id, version, coalesce(step, ''), coalesce(outcome, ''),"
                            + " count(*) FROM flow_state GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                        FlowCountsPropertiesTest::row));
            return null;
          });
    }
  }

  private static String row(ResultSet r) throws SQLException {
    return r.getString(1)
        + "/"
        + r.getInt(2)
        + "/"
        + r.getString(3)
        + "/"
        + r.getString(4)
        + "="
        + r.getLong(5);
  }

  private static FlowState state(Save s) {
    Instant entered = Instant.ofEpochMilli(5);
    String step = STEPS.get(s.step());
    Optional<Run> run =
        step.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Run(
                    1,
                    entered,
                    step,
                    entered,
                    Optional.of(Instant.ofEpochMilli(1_000)),
                    false,
                    Map.of(),
                    Map.of()));
    Optional<Outcome> outcome =
        s.outcome() == 0 ? Optional.empty() : Optional.of(Outcome.values()[s.outcome() - 1]);
    return new FlowState(
        new ProfileId("p" + s.profile()),
        "flow" + s.flow(),
        s.version(),
        1,
        Optional.of(entered),
        run,
        outcome);
  }

  /** The state at a version no save writes: the row never holds it. */
  private static FlowState otherVersion(FlowState s) {
    return new FlowState(
        s.profile(), s.flowId(), 3, s.entries(), s.lastEnteredAt(), s.run(), s.lastOutcome());
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> profile = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> flow = Arbitraries.integers().between(0, 1);
    // Few distinct times, so cancels and firings often meet the time armed.
    Arbitrary<Long> time = Arbitraries.of(1_000L, 2_000L, 3_000L);
    Arbitrary<Op> save =
        Combinators.combine(
                profile,
                flow,
                Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, STEPS.size() - 1),
                Arbitraries.integers().between(0, Math.min(2, Outcome.values().length)),
                time.injectNull(0.5),
                time.injectNull(0.5),
                Arbitraries.of(Prior.class))
            .as(Save::new);
    Arbitrary<Op> disarm = Combinators.combine(profile, flow, time).as(Disarm::new);
    Arbitrary<Op> erase = profile.map(Erase::new);
    return Arbitraries.frequencyOf(Tuple.of(6, save), Tuple.of(2, disarm), Tuple.of(1, erase))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }
}
