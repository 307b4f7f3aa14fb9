package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.channels.ConnectionCountingProxy;
import trailmap.flows.channels.SmtpChannel;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * The sender on real parts: flows.db, GreenMail on a fixed port behind a proxy that counts SMTP
 * connections (stopped and started again between rounds), and a real HTTP receiver.
 */
class OutboxSenderTest {
  static final String EMAIL_FLOW =
      """
      id: hello
      name: Hello
      trigger:
        event: Trial Started
      steps:
        - id: hello-email
          email:
            template: hello
            subject: "Hello {{ traits.firstName }}"
            to: email
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();
  ServerSetup setup;
  GreenMail smtp;
  ConnectionCountingProxy proxy;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(setup);
    smtp.start();
    proxy = new ConnectionCountingProxy(setup::getPort);
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    smtp.stop();
  }

  FlowRuntime runtime(FlowStore flows, ProfileStore profiles) {
    return TestRuntimes.following(flows, profiles, log, clock, TestRuntimes.smtpOn(proxy.port()));
  }

  void trials(ProfileStore profiles, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      String user = prefix + i;
      log.add(
          FlowEvents.identify(
              user, clock.instant(), Map.of("email", user + "@example.com", "firstName", user)),
          FlowEvents.track(user, "Trial Started", clock.instant()));
    }
    profiles.apply(log.readPage(profiles.position(), 10_000));
  }

  String pid(ProfileStore profiles, String user) {
    return profiles.resolve(ProfileRef.parse("userId:" + user)).orElseThrow().value();
  }

  List<String> outboxIds(FlowStore flows, ProfileStore profiles, String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OutboxMessage row = flows.outboxOf(pid(profiles, prefix + i)).getFirst();
      assertThat(row.status()).as("%s's email", prefix + i).isEqualTo("sent");
      assertThat(row.attempts()).as("a stale connection is not an attempt").isOne();
      ids.add(SmtpChannel.messageId(row.id()));
    }
    return ids;
  }

  static List<String> messageIds(GreenMail server) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      ids.add(m.getMessageID());
    }
    return ids;
  }

  @Test
  void sendsARoundOverOneConnectionAndSurvivesAServerRestartWithNothingLostOrDoubled()
      throws Exception {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello {{traits.firstName}}</p>");
      flows.createDraft("hello.yaml", EMAIL_FLOW);
      flows.publish("hello", 1, false);
      FlowRuntime runtime = runtime(flows, profiles);

      trials(profiles, "a", 8);
      runtime.step();
      trials(profiles, "b", 4);
      runtime.step();
      assertThat(proxy.accepted()).as("SMTP connections for 12 emails in two rounds").isOne();
      List<String> first = messageIds(smtp);
      assertThat(first)
          .containsExactlyInAnyOrderElementsOf(
              concat(outboxIds(flows, profiles, "a", 8), outboxIds(flows, profiles, "b", 4)));

      smtp.stop();
      smtp = new GreenMail(setup);
      smtp.start();
      trials(profiles, "c", 5);
      runtime.step();

      assertThat(messageIds(smtp))
          .as("after the restart: each new email once, none of the earlier again")
          .containsExactlyInAnyOrderElementsOf(outboxIds(flows, profiles, "c", 5));
      assertThat(proxy.accepted()).as("one new connection after the restart").isEqualTo(2);
      assertThat(flows.activity(pid(profiles, "c0"), 10))
          .extracting(FlowActivity::kind, FlowActivity::outcome)
          .contains(org.assertj.core.groups.Tuple.tuple("send", "sent"));

      runtime.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (proxy.open() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(proxy.open()).as("the runtime's close ends the SMTP connection").isZero();
    }
  }

  @Test
  void recordsARoundsResultsTogetherAfterItsSends() throws Exception {
    List<String> seenPending = new CopyOnWriteArrayList<>();
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      receiver.createContext(
          "/hook",
          exchange -> {
            // While the round sends, no earlier result of it is committed yet.
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            seenPending.add(key + "=" + statusOf(flows, key));
            for (String other : outboxKeys(flows)) {
              seenPending.add(other + "=" + statusOf(flows, other));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      receiver.start();
      try {
        flows.createDraft(
            "crm.yaml",
            """
            id: crm-sync
            name: Tell the CRM
            trigger:
              event: Trial Started
            steps:
              - id: notify
                webhook:
                  url: http://127.0.0.1:%d/hook
                  body: '{"email": "{{traits.email}}"}'
            """
                .formatted(receiver.getAddress().getPort()));
        flows.publish("crm-sync", 1, false);
        FlowRuntime runtime = runtime(flows, profiles);
        trials(profiles, "w", 3);
        runtime.advance();

        assertThat(runtime.step()).as("the sends of one round").isEqualTo(3);

        assertThat(seenPending).hasSize(3 * 4).allMatch(s -> s.endsWith("=pending"));
        for (int i = 0; i < 3; i++) {
          OutboxMessage row = flows.outboxOf(pid(profiles, "w" + i)).getFirst();
          assertThat(row.status()).isEqualTo("sent");
          assertThat(flows.activity(row.profileId(), 10))
              .extracting(FlowActivity::outcome)
              .contains("sent");
        }
      } finally {
        receiver.stop(0);
      }
    }
  }

  /** The status of the outbox row with this id, whoever's it is. */
  static String statusOf(FlowStore flows, String id) {
    return flows
        .db()
        .read(c -> Sql.one(c, "SELECT status FROM outbox WHERE id = ?", r -> r.getString(1), id))
        .orElseThrow();
  }

  static List<String> outboxKeys(FlowStore flows) {
    return flows.db().read(c -> Sql.list(c, "SELECT id FROM outbox", r -> r.getString(1)));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
