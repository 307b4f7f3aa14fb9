package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.channels.SmtpChannel;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * Send rounds never overlap: {@link FlowRuntime#step} called on two threads at once (as a caller's
 * step beside the runtime's own sender thread) hands each due message to a real SMTP server
 * (GreenMail) once, not once per round.
 */
class OutboxSenderConcurrencyTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();
  GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void twoConcurrentRoundsDeliverEachDueMessageExactlyOnce() throws Exception {
    int people = 40;
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello {{traits.firstName}}</p>");
      flows.createDraft("hello.yaml", OutboxSenderTest.EMAIL_FLOW);
      flows.publish("hello", 1, false);
      for (int i = 0; i < people; i++) {
        String user = "u" + i;
        log.add(
            FlowEvents.identify(
                user, clock.instant(), Map.of("email", user + "@example.com", "firstName", user)),
            FlowEvents.track(user, "Trial Started", clock.instant()));
      }
      profiles.apply(log.readPage(profiles.position(), 10_000));
      FlowRuntime runtime =
          TestRuntimes.following(
              flows, profiles, log, clock, TestRuntimes.smtpOn(smtp.getSmtp().getPort()));
      assertThat(runtime.advance()).as("events handled, emails queued").isPositive();

      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          rounds.add(
              threads.submit(
                  () -> {
                    together.await();
                    return runtime.step();
                  }));
        }
        for (Future<Integer> round : rounds) {
          round.get(60, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
      runtime.close();

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < people; i++) {
        String pid = profiles.resolve(ProfileRef.parse("userId:u" + i)).orElseThrow().value();
        OutboxMessage row = flows.outboxOf(pid).getFirst();
        assertThat(row.status()).as("u%d's email", i).isEqualTo("sent");
        assertThat(row.attempts()).as("u%d's email was tried once", i).isOne();
        expected.add(SmtpChannel.messageId(row.id()));
      }
      assertThat(OutboxSenderTest.messageIds(smtp))
          .as("each email handed to the SMTP server once")
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
