package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;
import trailmap.server.Problem;

/** Bad documents, unknown flows and versions, and status changes the status does not allow. */
class FlowApiErrorsTest {
  @TempDir static Path dir;
  static FlowApiHarness api;

  @BeforeAll
  static void start() {
    // No mail is sent here; the SMTP port is never reached.
    api =
        new FlowApiHarness(
            dir,
            9,
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String flow(String id) {
    return FlowApiHarness.example("welcome.yaml").replace("id: welcome\n", "id: " + id + "\n");
  }

  JsonNode problem(int status, String method, String path, String contentType, String body) {
    HttpResponse<String> response = api.call(method, path, contentType, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith(Problem.MEDIA_TYPE);
    return api.json(response);
  }

  @Test
  void anInvalidFlowIsRefusedWithEveryProblemAtItsLineAndColumn() {
    String yaml =
        """
        id: broken
        name: Broken
        trigger:
          event: Trial Started
        steps:
          - id: first
            wait: 2 fortnights
          - id: second
            emial: {template: welcome}
            next: nowhere
        """;
    JsonNode p = problem(400, "POST", "/api/flows", "application/yaml", yaml);
    assertThat(p.get("type").asText()).isEqualTo("urn:trailmap:problem:invalid-flow");
    JsonNode errors = p.get("errors");
    assertThat(errors.size()).isGreaterThanOrEqualTo(2);
    for (JsonNode e : errors) {
      assertThat(e.get("line").asInt()).isPositive();
      assertThat(e.get("column").asInt()).isPositive();
      assertThat(p.get("detail").asText())
          .contains(
              "request body:"
                  + e.get("line").asInt()
                  + ":"
                  + e.get("column").asInt()
                  + ": "
                  + e.get("message").asText());
    }
    assertThat(errors.findValuesAsText("line")).contains("7", "9");
    assertThat(p.get("detail").asText()).contains("docs/flow-format.md");
    problem(404, "GET", "/api/flows/broken", "", "");
  }

  @Test
  void malformedJsonNamesItsLineAndColumn() {
    JsonNode p =
        problem(400, "POST", "/api/flows", "application/json", "{\"id\": \"x\",\n  \"name\": }");
    assertThat(p.at("/errors/0/line").asInt()).isEqualTo(2);
    assertThat(p.at("/errors/0/message").asText()).startsWith("JSON syntax error");
  }

  @Test
  void bodiesThatAreNoFlowFormatOrEmptyAreRefused() {
    assertThat(problem(415, "POST", "/api/flows", "text/csv", "a,b").get("detail").asText())
        .contains("application/yaml or application/json");
    assertThat(problem(400, "POST", "/api/flows", "application/yaml", " ").get("detail").asText())
        .contains("empty");
  }

  @Test
  void unknownFlowsAndVersionsAre404AndSayWhereToLook() {
    assertThat(problem(404, "GET", "/api/flows/nope", "", "").get("detail").asText())
        .contains("no flow with id 'nope'", "GET /api/flows");
    problem(404, "GET", "/api/flows/nope/stats", "", "");
    problem(404, "POST", "/api/flows/nope/publish", "", "");
    problem(404, "PUT", "/api/flows/nope", "application/yaml", flow("nope"));
    api.expect(201, "POST", "/api/flows", "application/yaml", flow("versions-404"));
    assertThat(
            problem(404, "GET", "/api/flows/versions-404?version=7", "", "").get("detail").asText())
        .contains("has no version 7", "only version 1");
    problem(400, "GET", "/api/flows/versions-404?version=first", "", "");
    assertThat(problem(404, "GET", "/api/templates/none", "", "").get("detail").asText())
        .contains("PUT /api/templates/none");
  }

  @Test
  void creatingAnExistingIdOrChangingTheIdIsRefused() {
    api.expect(201, "POST", "/api/flows", "application/yaml", flow("taken"));
    assertThat(
            problem(409, "POST", "/api/flows", "application/yaml", flow("taken"))
                .get("detail")
                .asText())
        .contains("PUT /api/flows/taken");
    assertThat(
            problem(400, "PUT", "/api/flows/taken", "application/yaml", flow("other"))
                .get("detail")
                .asText())
        .contains("'other'", "'taken'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "{\"version\": 9}|409|has no version 9; it has only version 1",
        "{\"version\": \"two\"}|400|'version' must be a version number",
        "{\"version\": 0}|400|'version' must be a version number",
        "{\"verison\": 1}|400|unknown field 'verison'",
        "{\"migrate\": \"yes\"}|400|'migrate' must be true or false",
        "[1]|400|must be a JSON object",
        "{|400|not JSON"
      })
  void aBadPublishRequestSaysWhatToSend(String body, int status, String detail) {
    String id = "publish-" + Math.abs(body.hashCode());
    api.expect(201, "POST", "/api/flows", "application/yaml", flow(id));
    assertThat(
            problem(status, "POST", "/api/flows/" + id + "/publish", "application/json", body)
                .get("detail")
                .asText())
        .contains(detail);
    assertThat(
            api.expect(200, "GET", "/api/flows/" + id + "/versions", "", "")
                .get(0)
                .has("publishedAt"))
        .isFalse();
  }

  @Test
  void statusChangesTheStatusDoesNotAllowAre409NamingTheCurrentStatus() {
    api.expect(201, "POST", "/api/flows", "application/yaml", flow("lifecycle"));
    assertThat(problem(409, "POST", "/api/flows/lifecycle/pause", "", "").get("detail").asText())
        .contains("'lifecycle' is draft", "publish it first");
    api.expect(200, "POST", "/api/flows/lifecycle/publish", "", "");
    api.expect(200, "POST", "/api/flows/lifecycle/pause", "", "");
    assertThat(problem(409, "POST", "/api/flows/lifecycle/pause", "", "").get("detail").asText())
        .contains("is paused", "resume it with POST /api/flows/lifecycle/publish");
    api.expect(200, "POST", "/api/flows/lifecycle/archive", "", "");
    assertThat(problem(409, "POST", "/api/flows/lifecycle/publish", "", "").get("detail").asText())
        .contains("is archived");
    assertThat(problem(409, "POST", "/api/flows/lifecycle/archive", "", "").get("detail").asText())
        .contains("is archived");
    assertThat(problem(409, "POST", "/api/flows/lifecycle/pause", "", "").get("detail").asText())
        .contains("is archived");
    assertThat(
            problem(409, "PUT", "/api/flows/lifecycle", "application/yaml", flow("lifecycle"))
                .get("detail")
                .asText())
        .contains("archived");
  }

  @Test
  void templatesNeedASlugNameAndABody() {
    problem(400, "PUT", "/api/templates/Not%20A%20Slug", "text/html", "<p>x</p>");
    problem(400, "PUT", "/api/templates/empty", "text/html", "");
    api.expect(204, "PUT", "/api/templates/hello", "text/html", "<p>Hi</p>");
    assertThat(api.call("GET", "/api/templates/hello", "", "").body()).isEqualTo("<p>Hi</p>");
  }
}
