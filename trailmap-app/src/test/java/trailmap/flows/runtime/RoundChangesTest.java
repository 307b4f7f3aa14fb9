package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round's count changes are summed until written, and written as the statements of their own that
 * each state and message made before (FlowCountsPropertiesTest and OutboxCountsPropertiesTest mix
 * both ways with everything else that changes the counts).
 */
class RoundChangesTest {
  private static final FlowStates.Counted WAITING = new FlowStates.Counted(1, "wait", "");
  private static final FlowStates.Counted LEFT = new FlowStates.Counted(1, "", "COMPLETED");

  @Test
  void changesReachTheCountsOnlyWhenWrittenAndOnce() throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("count-changes")) {
      scratch.db.transaction(
          c -> {
            RoundChanges round = new RoundChanges();
            for (int i = 0; i < 500; i++) {
              round.added("welcome", WAITING);
            }
            round.write(c);
            for (int i = 0; i < 300; i++) {
              round.moved("welcome", WAITING, LEFT);
              round.queued("welcome", "tips-email", "email");
            }
            round.moved("welcome", LEFT, LEFT); // no move: counts nothing
            assertThat(counts(c)).containsExactly("welcome/1/wait/=500");
            assertThat(round.isEmpty()).isFalse();
            round.write(c);
            assertThat(round.isEmpty()).isTrue();
            round.write(c); // nothing left: writes nothing again
            assertThat(counts(c))
                .containsExactly("welcome/1//COMPLETED=300", "welcome/1/wait/=200");
            assertThat(messages(c)).containsExactly("welcome/tips-email/email/pending=300");
            return null;
          });
    }
  }

  @Test
  void aFallWhereNothingWasCountedStaysAbsentAndAClearedRoundWritesNothing() throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("count-changes")) {
      scratch.db.transaction(
          c -> {
            RoundChanges round = new RoundChanges();
            // A state moved from a count never written (as a statement of its own left it).
            round.moved("welcome", WAITING, LEFT);
            round.write(c);
            assertThat(counts(c)).containsExactly("welcome/1//COMPLETED=1");
            // Changes of a transaction that failed are forgotten, not carried into the next.
            round.added("welcome", WAITING);
            round.queued("welcome", "tips-email", "email");
            round.clear();
            round.write(c);
            assertThat(counts(c)).containsExactly("welcome/1//COMPLETED=1");
            assertThat(messages(c)).isEmpty();
            return null;
          });
    }
  }

  private static List<String> counts(Connection c) throws SQLException {
    return Sql.list(
        c,
        "SELECT flow_id || '/' || version || '/' || step || '/' || outcome || '=' || profiles"
            + " FROM flow_counts ORDER BY 1",
        r -> r.getString(1));
  }

  private static List<String> messages(Connection c) throws SQLException {
    return Sql.list(
        c,
        "SELECT flow_id || '/' || step || '/' || channel || '/' || status || '=' || messages"
            + " FROM outbox_counts ORDER BY 1",
        r -> r.getString(1));
  }
}
