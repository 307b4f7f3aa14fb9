package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.server.LiveServer;
import trailmap.server.TrailmapServer;

/**
 * Events that reach a live flow long after they happened (history imported into the log, a client's
 * backlog sent days late) start no flow by default, and the profile's timeline says why; {@code
 * entry.maxTriggerAge} in the flow's document moves or lifts the limit. Real server, real SMTP
 * server (GreenMail), settable clock.
 */
class FlowTriggerAgeRuntimeTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  LiveServer live;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  TrailmapServer start(String welcomeDocument) {
    live = LiveServer.start(dir, clock, smtp);
    TrailmapServer server = live.server();
    server.flows().saveTemplate("welcome", FlowDocuments.WELCOME_TEMPLATE);
    server.flows().saveTemplate("onboarding-tips", FlowDocuments.TIPS_TEMPLATE);
    server.flows().createDraft("welcome.yaml", welcomeDocument);
    server.flows().publish("welcome", 1, false);
    return server;
  }

  void trialStarted(String user, Instant at) throws InterruptedException {
    live.send(
        FlowEvents.identify(user, at, Map.of("email", user + "@example.com")),
        FlowEvents.track(user, "Trial Started", at));
  }

  @Test
  void aTrialStartedLastMonthSendsNoWelcomeAndTheTimelineSaysWhyWhileAFreshOneDoes()
      throws Exception {
    TrailmapServer server = start(FlowDocuments.WELCOME);

    trialStarted("old", clock.instant().minus(Duration.ofDays(30)));
    trialStarted("late", clock.instant().minus(Duration.ofHours(20)));
    trialStarted("new", clock.instant());

    assertThat(live.mailTo("old@example.com")).isEmpty();
    assertThat(live.mailTo("late@example.com")).hasSize(1);
    assertThat(live.mailTo("new@example.com")).hasSize(1);
    String old = live.profile("userId:old").value();
    assertThat(server.flows().activity(old, 10))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.kind()).isEqualTo("not-entered");
              assertThat(line.reason())
                  .isEqualTo(
                      "not entered: the trigger happened at 2026-01-31T10:00:00Z, 30 days before"
                          + " it was handled, more than the flow's entry.maxTriggerAge of 1d");
            });
    // Not entered is not entered for good: with no re-entry, a fresh trigger still starts it.
    live.send(FlowEvents.track("old", "Trial Started", clock.instant()));
    assertThat(live.mailTo("old@example.com")).hasSize(1);
  }

  @Test
  void aRunOfRefusalsForOneCauseKeepsItsFirstLineAndANewCauseGetsItsOwn() throws Exception {
    TrailmapServer server = start(FlowDocuments.WELCOME);
    // A history import: three old trials, each refused as too old.
    for (int days : new int[] {30, 20, 10}) {
      trialStarted("imp", clock.instant().minus(Duration.ofDays(days)));
    }
    String imp = live.profile("userId:imp").value();
    assertThat(server.flows().activity(imp, 10))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.outcome()).isEqualTo("too-old");
              assertThat(line.reason()).contains("30 days before");
            });
    // A fresh trial enters; three more while inside are refused once.
    trialStarted("imp", clock.instant());
    for (int i = 0; i < 3; i++) {
      live.send(FlowEvents.track("imp", "Trial Started", clock.instant()));
    }
    assertThat(live.mailTo("imp@example.com")).hasSize(1);
    // Newest first; the welcome email's own lines (queued, then sent by the sender at its own
    // pace) are left out of the order.
    assertThat(server.flows().activity(imp, 10))
        .filteredOn(line -> !line.kind().equals("send"))
        .extracting(line -> line.kind() + "/" + line.outcome())
        .containsExactly("not-entered/already-inside", "entered/entered", "not-entered/too-old");
  }

  @Test
  void theFlowsDocumentLiftsTheLimitWithNone() throws Exception {
    start(
        FlowDocuments.WELCOME.replace(
            "  reentry: false\n", "  reentry: false\n  maxTriggerAge: none\n"));

    trialStarted("old", clock.instant().minus(Duration.ofDays(30)));

    assertThat(live.mailTo("old@example.com")).hasSize(1);
  }
}
