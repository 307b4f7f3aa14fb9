package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.QuietHours;
import trailmap.flows.channels.SmtpChannel;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.profiles.ProfileId;
import trailmap.server.LiveServer;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * The welcome flow end to end on a real server, a real SMTP server (GreenMail) and a settable
 * clock: two days of waiting run in milliseconds, across restarts.
 */
class WelcomeFlowTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final MessagePolicy POLICY =
      new MessagePolicy(
          List.of(FrequencyCap.on("email", 2, CapWindow.WEEK)),
          Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))),
          Set.of(),
          0,
          7);

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final HttpClient http = HttpClient.newHttpClient();
  LiveServer live;
  TrailmapServer server;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  void start() {
    live = LiveServer.start(dir, clock, smtp, "hello@trailmap.test", s -> s.withPolicy(POLICY));
    server = live.server();
  }

  void restart() {
    live.restart();
    server = live.server();
  }

  ProfileId profile(String user) {
    return live.profile("userId:" + user);
  }

  void newTrial(String user, String firstName) throws InterruptedException {
    live.send(
        FlowEvents.identify(
            user, clock.instant(), Map.of("email", user + "@example.com", "firstName", firstName)),
        FlowEvents.track(user, "Trial Started", clock.instant()));
  }

  List<MimeMessage> mailTo(String user) {
    return live.mailTo(user + "@example.com");
  }

  @Test
  void welcomeAtOnceTipsAfterTwoDaysUnlessOnboardedAndTheGoalEndsTheFlowAcrossRestarts()
      throws Exception {
    start();
    server.flows().saveTemplate("welcome", FlowDocuments.WELCOME_TEMPLATE);
    server.flows().saveTemplate("onboarding-tips", FlowDocuments.TIPS_TEMPLATE);
    server.flows().createDraft("welcome.yaml", FlowDocuments.WELCOME);
    server.flows().publish("welcome", 1, false);

    newTrial("ada", "Ada <3");
    newTrial("bob", "Bob");
    live.send(FlowEvents.track("bob", "Onboarding Completed", clock.instant()));
    newTrial("cy", "Cy");
    live.send(FlowEvents.track("cy", "Subscribed", clock.instant()));

    List<MimeMessage> ada = mailTo("ada");
    assertThat(ada).hasSize(1);
    MimeMessage welcome = ada.getFirst();
    String outboxId = server.flows().outboxOf(profile("ada").value()).getFirst().id();
    assertThat(welcome.getMessageID()).isEqualTo(SmtpChannel.messageId(outboxId));
    assertThat(welcome.getSubject()).isEqualTo("Welcome to Trailmap, Ada <3");
    assertThat(GreenMailUtil.getBody(welcome)).contains("Hello Ada &lt;3, welcome!");
    String unsubscribe = welcome.getHeader("List-Unsubscribe")[0];
    assertThat(unsubscribe).startsWith("<" + server.uri() + "/u/");
    assertThat(welcome.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(mailTo("bob")).hasSize(1);
    assertThat(mailTo("cy")).hasSize(1);
    assertThat(server.flows().stepCounts("welcome"))
        .containsExactlyInAnyOrder(new StepCount(1, "wait-2-days", 2));
    assertThat(server.flows().outcomes("welcome")).containsEntry("CONVERTED", 1L);

    restart();
    clock.advance(Duration.ofDays(1));
    live.settle();
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    clock.advance(Duration.ofDays(1));
    live.settle();
    assertThat(mailTo("ada")).hasSize(2);
    assertThat(mailTo("ada").get(1).getSubject())
        .isEqualTo("Three tips to get your first journey live");
    assertThat(mailTo("bob")).hasSize(1);
    assertThat(mailTo("cy")).hasSize(1);

    restart();
    clock.advance(Duration.ofDays(3));
    live.settle();
    assertThat(smtp.getReceivedMessages()).hasSize(4);
    Set<String> ids =
        Arrays.stream(smtp.getReceivedMessages())
            .map(WelcomeFlowTest::messageId)
            .collect(Collectors.toSet());
    assertThat(ids).hasSize(4);
    assertThat(server.flows().stepCounts("welcome")).isEmpty();
    assertThat(server.flows().outcomes("welcome"))
        .containsEntry("COMPLETED", 2L)
        .containsEntry("CONVERTED", 1L);

    // The one-click unsubscribe needs no API key: the signed token authorises it.
    // The server came back on another port; the path is what the token lives in.
    String link = unsubscribe.substring(1, unsubscribe.length() - 1);
    String url = server.uri() + URI.create(link).getPath();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(server.flows().consent(profile("ada").value()).unsubscribedTopics())
        .containsExactly("onboarding");
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "x")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(404);
  }

  @Test
  void aMessageDueInQuietHoursWaitsForMorningAndAnUnsubscribedProfileIsSuppressedOnItsTimeline()
      throws Exception {
    start();
    server.flows().saveTemplate("welcome", FlowDocuments.WELCOME_TEMPLATE);
    server.flows().saveTemplate("onboarding-tips", FlowDocuments.TIPS_TEMPLATE);
    server.flows().createDraft("welcome.yaml", FlowDocuments.WELCOME);
    server.flows().publish("welcome", 1, false);

    clock.set(Instant.parse("2026-03-02T22:30:00Z"));
    newTrial("dee", "Dee");
    assertThat(mailTo("dee")).isEmpty();
    restart();
    clock.set(Instant.parse("2026-03-03T08:00:00Z"));
    live.settle();
    assertThat(mailTo("dee")).hasSize(1);

    live.send(
        FlowEvents.identify(
            "fay", clock.instant(), Map.of("email", "fay@example.com", "firstName", "Fay")));
    ProfileId fay = profile("fay");
    String token = server.flows().unsubscribeTokens().token(fay.value(), "topic", "onboarding");
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/u/" + token)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    live.send(FlowEvents.track("fay", "Trial Started", clock.instant()));
    assertThat(mailTo("fay")).isEmpty();
    assertThat(server.flows().suppressions("welcome"))
        .containsEntry(trailmap.flows.policy.Verdict.Cause.CONSENT, 1L);

    HttpResponse<String> timeline =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/api/profiles/userId:fay/timeline"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode flow = new ObjectMapper().readTree(timeline.body()).get("flow");
    assertThat(flow).isNotNull();
    assertThat(flow.findValuesAsText("kind")).contains("entered", "suppressed");
    assertThat(flow.findValuesAsText("reason"))
        .anyMatch(r -> r.contains("unsubscribed from topic 'onboarding'"));
    JsonNode dee =
        new ObjectMapper()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(
                                server.uri().resolve("/api/profiles/userId:dee/timeline"))
                            .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                            .GET()
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .get("flow");
    assertThat(dee.findValuesAsText("kind")).as(dee.toPrettyString()).contains("deferred", "send");
    assertThat(dee.findValuesAsText("outcome")).contains("sent");
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
