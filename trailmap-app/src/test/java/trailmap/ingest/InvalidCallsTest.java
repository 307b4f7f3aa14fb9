package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.server.Problem;

/** Bad calls get a 400 naming each wrong field of each event, and nothing of them is stored. */
class InvalidCallsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  IngestServer server;
  String key;

  @BeforeEach
  void start() {
    server = new IngestServer(dir);
    key = server.writeKey("web", "web");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  JsonNode refused(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(Problem.MEDIA_TYPE + "; charset=utf-8");
    assertThat(server.events()).isEmpty();
    return JSON.readTree(response.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "track    | {\"userId\":\"u\"}                     | event      | event is required for a track call",
        "alias    | {\"userId\":\"u\"}                     | previousId | previousId is required for an alias call",
        "group    | {\"userId\":\"u\"}                     | groupId    | groupId is required for a group call",
        "identify | {\"traits\":{}}                        | userId     | userId or anonymousId is required: send at least one",
        "page     | {\"userId\":\"\",\"anonymousId\":null} | userId     | userId or anonymousId is required: send at least one",
        "track    | {\"userId\":true,\"event\":\"e\"}      | userId     | userId must be a text, was a boolean (true)",
        "track    | {\"userId\":\"u\",\"event\":[1]}       | event      | event must be a text, was an array",
        "track    | {\"userId\":\"u\",\"event\":\"e\",\"properties\":[]} | properties | properties must be an object, was an array",
        "identify | {\"userId\":\"u\",\"context\":\"web\"}  | context    | context must be an object, was a text",
        "track    | {\"userId\":\"u\",\"event\":\"e\",\"timestamp\":\"yesterday\"} | timestamp | timestamp is \"yesterday\", not an ISO-8601 date-time",
        "track    | {\"userId\":\"u\",\"event\":\"e\",\"sentAt\":12} | sentAt | sentAt is 12, not an ISO-8601 date-time",
        "track    | [1, 2]                                | body       | body must be an object",
      })
  void namesTheWrongFieldOfASingleCall(String type, String body, String field, String message)
      throws Exception {
    JsonNode problem = refused(server.post("/v1/" + type, key, body), 400);
    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:invalid-calls");
    JsonNode error = problem.get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).startsWith(message);
    assertThat(error.has("event")).isFalse();
    assertThat(problem.get("detail").asText())
        .contains(message)
        .contains("nothing of this request");
  }

  @Test
  void namesTheEventIndexInABatchAndStoresNoneOfIt() throws Exception {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(
          i == 17
              ? "{\"type\":\"track\",\"userId\":\"u\"}"
              : "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e" + i + "\"}");
    }
    JsonNode problem =
        refused(
            server.post("/v1/batch", key, "{\"batch\":[" + String.join(",", calls) + "]}"), 400);
    JsonNode error = problem.get("errors").get(0);
    assertThat(error.get("event").asInt()).isEqualTo(17);
    assertThat(error.get("field").asText()).isEqualTo("batch[17].event");
    assertThat(error.get("message").asText())
        .isEqualTo("batch[17].event is required for a track call");
    assertThat(server.log.appends()).isZero();
  }

  @Test
  void listsEveryWrongFieldOfEveryEventAtOnce() throws Exception {
    String batch =
        """
        {"batch": [
          {"type": "track", "event": "ok", "userId": "u"},
          {"type": "click", "userId": "u"},
          {"type": "alias", "userId": "u"},
          {"type": "group", "anonymousId": "a", "groupId": "g", "traits": 5},
          "not an object"
        ]}
        """;
    JsonNode problem = refused(server.post("/v1/batch", key, batch), 400);
    List<String> messages = problem.get("errors").findValuesAsText("message");
    assertThat(messages)
        .containsExactly(
            "batch[1].type is \"click\"; use one of track, identify, page, screen, group, alias",
            "batch[2].previousId is required for an alias call",
            "batch[3].traits must be an object, was a number (5)",
            "batch[4] must be an object");
    assertThat(problem.get("detail").asText()).startsWith("4 problems, the first: batch[1].type");
  }

  @Test
  void refusesABatchWithoutABatchArrayOrWithAnEmptyOne() throws Exception {
    assertThat(
            refused(server.post("/v1/batch", key, "{\"calls\":[]}"), 400)
                .get("errors")
                .get(0)
                .get("message")
                .asText())
        .startsWith("batch is required");
    assertThat(refused(server.post("/v1/batch", key, "{\"batch\":[]}"), 400).toString())
        .contains("batch is empty");
  }

  @Test
  void malformedJsonIsRefusedWithItsLineAndColumn() throws Exception {
    JsonNode problem =
        refused(
            server.post("/v1/track", key, "{\n  \"userId\": \"u\",\n  \"event\": oops\n}"), 400);
    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:malformed-json");
    assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(problem.get("errors").get(0).get("column").asInt()).isGreaterThan(1);
    assertThat(problem.get("detail").asText()).startsWith("the body is not valid JSON at line 3");
  }

  @Test
  void refusesTrailingGarbageAndEmptyBodies() throws Exception {
    refused(server.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"} {}"), 400);
    assertThat(refused(server.post("/v1/track", key, ""), 400).get("detail").asText())
        .contains("empty");
  }

  @Test
  void quotesNonAsciiValuesIntactInTheAnswer() throws Exception {
    JsonNode problem =
        refused(
            server.post(
                "/v1/track",
                key,
                "{\"userId\":\"u\",\"event\":\"e\",\"timestamp\":\"hier \u00e0 midi\"}"),
            400);
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("hier \u00e0 midi");
  }

  @Test
  void refusesAMessageIdLongerThanSegmentAllows() throws Exception {
    String id = "m".repeat(256);
    JsonNode problem =
        refused(
            server.post(
                "/v1/track",
                key,
                "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"" + id + "\"}"),
            400);
    assertThat(problem.toString()).contains("messageId is over 255 characters");
  }
}
