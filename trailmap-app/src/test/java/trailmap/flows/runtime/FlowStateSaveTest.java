package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/**
 * A state the round read is updated in place ({@link FlowStates#save} with the state read as {@code
 * previous}), one it did not is read first and inserted or updated: both leave the same rows,
 * wake-ups and step counts after the same saves.
 */
class FlowStateSaveTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "read before = {0}")
  @ValueSource(booleans = {false, true})
  void anUpdateInPlaceLeavesWhatTheUpsertLeaves(boolean read) {
    try (FlowStore store =
        FlowStore.open(dir, new SettableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      List<String> seen =
          store
              .db()
              .transaction(
                  c -> {
                    List<String> out = new ArrayList<>();
                    FlowState p1 = FlowSchemaUpgradeTest.waitingUntil("p1", at(100));
                    FlowState wasP1 = read ? p1 : null;
                    save(c, p1, 100L, null, null, null); // new: inserted either way
                    out.add(rows(c));
                    save(c, p1, null, 99L, null, wasP1); // a cancel of another time leaves it
                    out.add(rows(c));
                    save(c, p1, 300L, 100L, null, wasP1); // moved: cancelled, then set again
                    out.add(rows(c));
                    FlowState done =
                        new FlowState(
                            p1.profile(),
                            p1.flowId(),
                            1,
                            1,
                            p1.lastEnteredAt(),
                            Optional.empty(),
                            Optional.of(Outcome.COMPLETED));
                    save(c, done, null, null, 300L, wasP1); // the wake-up fired into the end
                    out.add(rows(c));
                    // Read, then gone (erased in between): inserted after all.
                    FlowState p2 = FlowSchemaUpgradeTest.waitingUntil("p2", at(7));
                    save(c, p2, 7L, null, null, p2);
                    out.add(rows(c));
                    return out;
                  });
      assertThat(seen)
          .containsExactly(
              "p1 welcome wait due 100 | 1/wait/=1",
              "p1 welcome wait due 100 | 1/wait/=1",
              "p1 welcome wait due 300 | 1/wait/=1",
              "p1 welcome - due - | 1//COMPLETED=1 1/wait/=0",
              "p1 welcome - due -; p2 welcome wait due 7 | 1//COMPLETED=1 1/wait/=1");
    }
  }

  /** The variant column names a run's splits in order, however its map iterates. */
  @Test
  void theVariantColumnListsTheSplitsInOrder() {
    try (FlowStore store =
        FlowStore.open(dir, new SettableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      Instant t = at(100);
      Run run =
          new Run(
              1,
              t,
              "wait",
              t,
              Optional.empty(),
              false,
              Map.of("subject-test", "b", "channel-test", "sms", "timing-test", "late", "a", "x"),
              Map.of());
      FlowState s =
          new FlowState(
              new ProfileId("p1"),
              "welcome",
              1,
              1,
              Optional.of(t),
              Optional.of(run),
              Optional.empty());
      String column =
          store
              .db()
              .transaction(
                  c -> {
                    FlowStates.save(c, s, null, null);
                    return Sql.one(c, "SELECT variant FROM flow_state", r -> r.getString(1))
                        .orElseThrow();
                  });
      assertThat(column).isEqualTo("a=x,channel-test=sms,subject-test=b,timing-test=late");
    }
  }

  private static void save(
      Connection c, FlowState s, Long setAt, Long cancelAt, Long firedAt, FlowState previous)
      throws SQLException {
    FlowStates.save(
        c, FlowProfiles.number(c, s.profile().value()), s, setAt, cancelAt, firedAt, previous);
  }

  /** The flow_state rows and the step counts, as one line. */
  private static String rows(Connection c) throws SQLException {
    List<String> states =
        Sql.list(
            c,
            "SELECT profile_id, flow_id, coalesce(step, '-'), coalesce(due_at, '-') FROM flow_state"
                + " ORDER BY profile_id",
            r ->
                r.getString(1)
                    + " "
                    + r.getString(2)
                    + " "
                    + r.getString(3)
                    + " due "
                    + r.getString(4));
    List<String> counts =
        Sql.list(
            c,
            "SELECT version, step, outcome, profiles FROM flow_counts ORDER BY step, outcome",
            r -> r.getInt(1) + "/" + r.getString(2) + "/" + r.getString(3) + "=" + r.getLong(4));
    // The state read back is the state saved.
    for (String row : states) {
      String id = row.substring(0, row.indexOf(' '));
      assertThat(FlowStates.of(c, new ProfileId(id))).containsKey("welcome");
    }
    return String.join("; ", states) + " | " + String.join(" ", counts);
  }

  private static Instant at(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
