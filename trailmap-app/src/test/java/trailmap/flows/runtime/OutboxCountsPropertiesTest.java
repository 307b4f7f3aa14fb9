package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import trailmap.store.Database;

/**
 * After any mix of the statements that change the outbox (messages queued, replayed, moved from
 * status to status by the sender, bodies emptied, people erased), the counts the flow page reads
 * ({@code outbox_counts}: queued messages counted by Outbox.queue, alone or summed for a round, the
 * rest by triggers) are what counting the outbox gives.
 */
class OutboxCountsPropertiesTest {
  sealed interface Op {}

  /** A message {@code id} queued to the profile (again: left alone, as a replay is). */
  record Queue(int profile, int flow, int step, int channel, int id) implements Op {}

  record Status(int profile, int id, int status) implements Op {}

  /** Outbox.prune's statement: a body emptied, which counts nothing. */
  record Empty(int profile, int id) implements Op {}

  record Erase(int profile) implements Op {}

  private static final List<String> STEPS = List.of("welcome-email", "tips-email", "-");
  private static final List<String> CHANNELS = List.of("email", "sms", "webhook", "trait");
  private static final List<String> STATUSES = List.of("pending", "sent", "failed", "dead");

  @Property(tries = 60)
  void countsMatchTheOutboxAfterAnyStatements(@ForAll("ops") List<Op> ops, @ForAll boolean asARound)
      throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("outbox-counts")) {
      Database db = scratch.db;
      db.transaction(
          c -> {
            // As a round of the flow thread counts its messages: summed, written before the
            // commit, and before any status change in it (DecisionWriter); the sender's status
            // changes and erasures are transactions of their own, after the rounds before them.
            RoundChanges round = new RoundChanges();
            for (Op op : ops) {
              if (!(op instanceof Queue)) {
                round.write(c);
              }
              switch (op) {
                case Queue q -> {
                  FlowProfiles.Numbered who = FlowProfiles.number(c, "p" + q.profile());
                  String id = "o" + q.id();
                  String flow = "flow" + q.flow();
                  String step = STEPS.get(q.step());
                  String channel = CHANNELS.get(q.channel());
                  if (asARound) {
                    Outbox.queue(c, id, flow, 1, who, step, channel, "{}", 0, round);
                  } else {
                    Outbox.queue(c, id, flow, 1, who, step, channel, "{}", 0);
                  }
                }
                case Status s ->
                    Sql.update(
                        c,
                        "UPDATE outbox SET status = ?, attempts = attempts + 1 WHERE profile_key"
                            + " = "
                            + FlowProfiles.KEY
                            + " AND id = ?",
                        STATUSES.get(s.status()),
                        "p" + s.profile(),
                        "o" + s.id());
                case Empty e ->
                    Sql.update(
                        c,
                        "UPDATE outbox SET payload = '' WHERE profile_id = ? AND id = ?",
                        "p" + e.profile(),
                        "o" + e.id());
                case Erase e ->
                    Sql.update(c, "DELETE FROM outbox WHERE profile_id = ?", "p" + e.profile());
              }
            }
            round.write(c);
            return null;
          });
      db.read(
          c -> {
            assertThat(
                    Sql.list(
                        c,
                        "SELECT flow_id, step, channel, status, messages FROM outbox_counts"
                            + " WHERE messages <> 0 ORDER BY 1, 2, 3, 4",
                        OutboxCountsPropertiesTest::row))
                .isEqualTo(
                    Sql.list(
                        c,
                        "SELECT flow_id, step, channel, status, count(*) FROM outbox"
                            + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                        OutboxCountsPropertiesTest::row));
            return null;
          });
    }
  }

  private static String row(ResultSet r) throws SQLException {
    return String.join("/", r.getString(1), r.getString(2), r.getString(3), r.getString(4))
        + "="
        + r.getLong(5);
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> profile = Arbitraries.integers().between(0, 3);
    // Few ids, so replays and status changes often meet a queued message.
    Arbitrary<Integer> id = Arbitraries.integers().between(0, 4);
    Arbitrary<Op> queue =
        Combinators.combine(
                profile,
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, STEPS.size() - 1),
                Arbitraries.integers().between(0, CHANNELS.size() - 1),
                id)
            .as(Queue::new);
    Arbitrary<Op> status =
        Combinators.combine(profile, id, Arbitraries.integers().between(0, STATUSES.size() - 1))
            .as(Status::new);
    Arbitrary<Op> empty = Combinators.combine(profile, id).as(Empty::new);
    Arbitrary<Op> erase = profile.map(Erase::new);
    return Arbitraries.frequencyOf(
            Tuple.of(6, queue), Tuple.of(4, status), Tuple.of(1, empty), Tuple.of(1, erase))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }
}
