package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's flow pages over HTTP, on a server whose welcome flow has run: the list, a flow's
 * figures and step table against {@code GET /api/flows/{id}/stats}, escaping, the missing flow and
 * the sign-in they need.
 */
class FlowPagesTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String HOSTILE =
      """
      id: win-back
      name: Win back <script>alert(1)</script> & "more"
      trigger:
        event: Churned
      steps:
        - id: say-hello
          wait: 1d
      """;

  @TempDir Path dir;
  FlowApiHarness api;
  String cookie;

  @BeforeEach
  void start() throws Exception {
    api = FlowApiHarness.withWelcomeFlow(dir, smtp.getSmtp().getPort());
    api.expect(201, "POST", "/api/flows", "application/yaml", HOSTILE);
    api.newTrials("ann", "bob", "cy");
    // A trial without an email address: its welcome email is suppressed (no address).
    ArrayNode calls = api.calls();
    api.track(calls, "nomail", "Trial Started");
    api.batch(calls);
    cookie = api.signIn();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  HttpResponse<String> page(String path, String withCookie) {
    return api.page(path, withCookie);
  }

  @Test
  void theListShowsEveryFlowWithItsStatusVersionAndProfilesInsideAndLinksToIt() throws Exception {
    HttpResponse<String> list = page("/flows", cookie);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("<a href=\"/flows/welcome\">Welcome to the trial</a>")
        .contains("badge-flow-published\">published")
        .contains("badge-flow-draft\">draft")
        .contains("<td>v1</td><td class=\"number\">4</td>")
        .contains("<td>draft v1</td><td class=\"number\">0</td>")
        .contains("<a href=\"/flows\">Flows</a>");
  }

  @Test
  void aFlowPageShowsTheStatsApisNumbersInItsFiguresChartAndStepTable() throws Exception {
    JsonNode stats = api.expect(200, "GET", "/api/flows/welcome/stats", "", "");
    assertThat(stats.path("entered").path("profiles").asLong()).isEqualTo(4);
    HttpResponse<String> response = page("/flows/welcome", cookie);
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();

    assertThat(figure(body, "entered")).isEqualTo("4");
    assertThat(figure(body, "waiting")).isEqualTo(stats.path("waiting").asText());
    assertThat(figure(body, "sent")).isEqualTo("3");
    assertThat(figure(body, "suppressed")).isEqualTo("1");

    for (JsonNode step : stats.path("steps")) {
      String id = step.path("id").asText();
      Matcher row =
          Pattern.compile(
                  "<tr><td><code>"
                      + Pattern.quote(id)
                      + "</code></td><td class=\"number\">(\\d+)</td><td class=\"number\">(\\d+)"
                      + "</td>")
              .matcher(body);
      assertThat(row.find()).as("the row of step " + id).isTrue();
      assertThat(row.group(1)).as(id + " waiting").isEqualTo(step.path("waiting").asText());
      assertThat(row.group(2)).as(id + " sent").isEqualTo(step.path("sent").asText());
      assertThat(body).contains("<g class=\"step\" data-step=\"" + id + "\">");
    }
    // The welcome email's bar is the longest sent bar: 3 sent is the chart's greatest value.
    assertThat(body)
        .contains("welcome-email · messages sent: 3</title>")
        .contains("welcome-email · sends suppressed: 1</title>")
        .contains("1 no address")
        .contains("<td>no address</td>");
    assertThat(body).contains("Nothing to compare yet: no profile is in the holdout yet");
    assertThat(body)
        .contains("<table class=\"versions\">")
        .containsPattern(
            "<tr><td>v1</td><td>2026-03-02 10:00 UTC</td><td>2026-03-02 10:00 UTC</td>"
                + "<td>current \\(published\\)</td></tr>");
  }

  @Test
  void valuesFromTheFlowAreEscapedOnTheListAndThePage() throws Exception {
    for (String path : new String[] {"/flows", "/flows/win-back"}) {
      String body = page(path, cookie).body();
      assertThat(body)
          .as(path)
          .doesNotContain("<script>")
          .contains("Win back &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;");
    }
    assertThat(page("/flows/win-back", cookie).body())
        .as("a draft's version was never published")
        .contains("<span class=\"muted\">never</span>");
  }

  @Test
  void aMissingFlowIsA404PageNamingTheIdEscaped() throws Exception {
    HttpResponse<String> response = page("/flows/%3Cb%3Enope", cookie);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("There is no flow with id <code>&lt;b&gt;nope</code>");
  }

  @Test
  void flowPagesNeedASignedInSession() throws Exception {
    for (String path : new String[] {"/flows", "/flows/welcome"}) {
      HttpResponse<String> response = page(path, "trailmap_session=made-up");
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).contains("/login");
    }
  }

  /** The headline number of a figure tile. */
  private static String figure(String body, String kind) {
    Matcher m =
        Pattern.compile("<div class=\"tile tile-" + kind + "\"><span class=\"figure\">([\\d,]+)<")
            .matcher(body);
    assertThat(m.find()).as("tile " + kind).isTrue();
    return m.group(1);
  }
}
