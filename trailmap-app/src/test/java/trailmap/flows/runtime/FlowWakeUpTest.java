package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.channels.SmtpSettings;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * An acknowledged event's email does not wait out the runtime's poll: ingestion wakes the profile
 * processor, an applied batch wakes the flow runtime, and what the flow thread queued wakes the
 * sender.
 */
class FlowWakeUpTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String FLOW =
      """
      id: hello
      name: Hello
      trigger:
        event: Signed Up
      steps:
        - id: hello
          email: {template: hello, subject: Hello, to: email}
      """;

  @TempDir Path dir;

  @Test
  void anEventsEmailIsHandedOverWithoutWaitingForTheRuntimesPoll() throws Exception {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withDataDir(dir)
            .withSmtp(
                SmtpSettings.parse(
                    "smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?from=hello@trailmap.test"));
    MemoryEventLog log = new MemoryEventLog();
    try (TrailmapServer server =
        TrailmapServer.start(config, Clock.systemUTC(), Optional.of(TestServer.ADMIN_KEY), log)) {
      server.flows().saveTemplate("hello", "<p>Hello</p>");
      server.flows().createDraft("hello.yaml", FLOW);
      server.flows().publish("hello", 1, false);
      // The flow threads look on their own only once an hour: the wake-ups must bring the email.
      server.followEvents(
          log,
          s ->
              new FlowSettings(
                  s.policy(),
                  s.smtp(),
                  s.publicUrl(),
                  s.providers(),
                  s.maxAttempts(),
                  s.backoff(),
                  Duration.ofHours(1),
                  s.bodyRetention()));
      Thread.sleep(200); // both threads are napping now
      String writeKey = server.sources().create("web", "web").writeKey();
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.uri() + "/v1/track"))
                      .header("Content-Type", "application/json")
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      (writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"userId\":\"ada\",\"event\":\"Signed Up\",\"context\":"
                                  + "{\"traits\":{\"email\":\"ada@example.com\"}}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

      assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
      assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
          .isEqualTo("ada@example.com");
    }
  }
}
