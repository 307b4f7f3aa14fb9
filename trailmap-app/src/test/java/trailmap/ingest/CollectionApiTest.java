package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.eventlog.FileEventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

class CollectionApiTest {
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "track    | \"event\":\"Order Completed\" | Order Completed",
        "identify | \"traits\":{\"plan\":\"pro\"}  | ",
        "page     | \"name\":\"Pricing\"           | Pricing",
        "screen   | \"name\":\"Cart\"              | Cart",
        "group    | \"groupId\":\"acme\"           | ",
        "alias    | \"previousId\":\"anon-1\"      | ",
      })
  void storesEveryCallTypeAndAnswersSuccess(String type, String field, String name) {
    HttpResponse<String> response =
        server.post(
            "/v1/" + type,
            key,
            "{\"userId\":\"u1\",\"messageId\":\"m-" + type + "\"," + field + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"success\":true}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    Event event = server.events().getFirst();
    assertThat(event.type()).isEqualTo(EventType.fromWireName(type).orElseThrow());
    assertThat(event.messageId()).isEqualTo("m-" + type);
    assertThat(event.userId()).hasValue("u1");
    assertThat(event.name()).isEqualTo(Optional.ofNullable(name));
    switch (event.type()) {
      case GROUP -> assertThat(event.groupId()).hasValue("acme");
      case ALIAS -> assertThat(event.previousId()).hasValue("anon-1");
      case IDENTIFY -> assertThat(event.traits().get("plan")).hasValue(new JsonValue.Str("pro"));
      default -> assertThat(event.groupId()).isEmpty();
    }
  }

  @Test
  void aTrackCallKeepsEveryFieldAndRecordsItsSource() {
    String call =
        """
        {"messageId": "m-1", "userId": "u1", "anonymousId": "a1", "event": "Signed Up",
         "properties": {"plan": "pro", "seats": 3},
         "context": {"channel": "app", "ip": "10.0.0.1", "traits": {"email": "u1@example.com"}},
         "integrations": {"All": false},
         "timestamp": "2026-11-23T17:00:00Z", "sentAt": "2026-11-23T17:59:00Z"}
        """;
    assertThat(server.post("/v1/track", key, call).statusCode()).isEqualTo(200);
    Event e = server.events().getFirst();
    assertThat(e.anonymousId()).hasValue("a1");
    assertThat(e.properties().get("seats")).hasValue(new JsonValue.Num(3));
    assertThat(e.context().text("ip")).hasValue("10.0.0.1");
    assertThat(e.traits().text("email")).hasValue("u1@example.com");
    assertThat(e.channel()).isEqualTo("app");
    assertThat(e.source()).isEqualTo(server.server.sources().list().getFirst().id());
    assertThat(e.receivedAt()).isEqualTo(IngestServer.NOW);
    // The client's clock was a minute behind: sentAt 17:59 arrived at 18:00.
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-23T17:01:00Z"));
  }

  @Test
  void correctsTheClientsClockSkewOnlyWhenItCanBeMeasured() {
    server.post(
        "/v1/track",
        key,
        "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"ahead\","
            + "\"timestamp\":\"2026-11-23T20:00:00+02:00\",\"sentAt\":\"2026-11-23T19:30:00+01:00\"}");
    server.post(
        "/v1/track",
        key,
        "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"no-sentAt\","
            + "\"timestamp\":\"2026-11-01T10:00:00Z\"}");
    server.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"no-times\"}");
    var events = server.events();
    // 19:30+01 is 18:30Z, half an hour ahead of the server: 18:00Z - 0:30 = 17:30Z.
    assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-23T17:30:00Z"));
    assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(events.get(2).timestamp()).isEqualTo(IngestServer.NOW);
  }

  @Test
  void aBatchMergesItsContextUnderEachEventsOwnAndAppliesItsSentAt() {
    String batch =
        """
        {"sentAt": "2026-11-23T18:10:00Z",
         "context": {"channel": "app", "library": {"name": "analytics-x", "version": "1.0"}},
         "batch": [
           {"type": "track", "event": "Viewed", "userId": "u1", "messageId": "b1",
            "timestamp": "2026-11-23T18:05:00Z",
            "context": {"library": {"version": "2.0"}, "ip": "10.0.0.2"}},
           {"type": "identify", "userId": "u1", "messageId": "b2", "traits": {"name": "Ann"},
            "context": {"channel": "email"}},
           {"type": "page", "anonymousId": "a9", "messageId": "b3", "name": "Home"}
         ]}
        """;
    assertThat(server.post("/v1/batch", key, batch).statusCode()).isEqualTo(200);
    var events = server.events();
    assertThat(events).extracting(Event::messageId).containsExactly("b1", "b2", "b3");
    Event first = events.get(0);
    assertThat(first.context().at("library.name")).hasValue(new JsonValue.Str("analytics-x"));
    assertThat(first.context().at("library.version")).hasValue(new JsonValue.Str("2.0"));
    assertThat(first.context().text("ip")).hasValue("10.0.0.2");
    assertThat(first.channel()).isEqualTo("app");
    // The batch was sent 10 minutes ahead of the server's clock.
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-11-23T17:55:00Z"));
    assertThat(events.get(1).channel()).isEqualTo("email");
    assertThat(events.get(1).traits().text("name")).hasValue("Ann");
    assertThat(events.get(2).context().at("library.version")).hasValue(new JsonValue.Str("1.0"));
    assertThat(events.get(2).anonymousId()).hasValue("a9");
  }

  @Test
  void takesTraitsFromTheContextWhenACallHasNoneButNeverForAGroup() {
    String context = "\"context\":{\"traits\":{\"email\":\"u@example.com\"}}";
    server.post("/v1/identify", key, "{\"userId\":\"u\",\"messageId\":\"t1\"," + context + "}");
    server.post(
        "/v1/identify",
        key,
        "{\"userId\":\"u\",\"messageId\":\"t2\",\"traits\":{\"plan\":\"pro\"}," + context + "}");
    server.post(
        "/v1/group",
        key,
        "{\"userId\":\"u\",\"messageId\":\"t3\",\"groupId\":\"g\"," + context + "}");
    var events = server.events();
    assertThat(events.get(0).traits().text("email")).hasValue("u@example.com");
    assertThat(events.get(1).traits().fields()).containsOnlyKeys("plan");
    assertThat(events.get(2).traits().fields()).isEmpty();
  }

  @Test
  void takesTheWriteKeyFromTheBodyWhenNoHeaderIsSent() {
    assertThat(
            server
                .post(
                    "/v1/track",
                    "",
                    "{\"writeKey\":\"" + key + "\",\"userId\":\"u\",\"event\":\"e\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .post(
                    "/v1/batch",
                    "",
                    "{\"writeKey\":\""
                        + key
                        + "\",\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"}]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(server.events()).hasSize(2);
    assertThat(server.events().getFirst().context().fields()).doesNotContainKey("writeKey");
  }

  @Test
  void importIsAnAliasOfBatch() {
    assertThat(
            server
                .post(
                    "/v1/import",
                    key,
                    "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"i1\"}]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(server.events()).extracting(Event::messageId).containsExactly("i1");
  }

  @Test
  void acceptsGzippedBodies() {
    String batch =
        "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Zipped\",\"messageId\":\"z1\"}]}";
    HttpResponse<String> response =
        server.postGzip("/v1/batch", key, batch.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.events().getFirst().name()).hasValue("Zipped");
  }

  @Test
  void usesTheSourcesChannelWhenTheContextNamesNone() {
    String app = server.writeKey("ios", "mobile");
    server.post("/v1/track", app, "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"c1\"}");
    assertThat(server.events().getFirst().channel()).isEqualTo("mobile");
  }

  @Test
  void givesACallWithoutMessageIdARandomOne() {
    server.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"}");
    server.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"}");
    assertThat(server.events())
        .extracting(Event::messageId)
        .hasSize(2)
        .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"))
        .doesNotHaveDuplicates();
  }

  @Test
  void aRetriedCallIsStoredOnce() {
    String call = "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"retry-me\"}";
    assertThat(server.post("/v1/track", key, call).statusCode()).isEqualTo(200);
    assertThat(server.post("/v1/track", key, call).statusCode()).isEqualTo(200);
    assertThat(server.events()).hasSize(1);
  }

  @Test
  void concurrentBatchesAreEachAcknowledgedAndStoredWhole() throws Exception {
    int clients = 16;
    int perBatch = 50;
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        statuses.add(
            pool.submit(
                () -> {
                  StringBuilder batch = new StringBuilder("{\"batch\":[");
                  for (int i = 0; i < perBatch; i++) {
                    batch
                        .append(i == 0 ? "" : ",")
                        .append("{\"type\":\"track\",\"event\":\"e\",\"userId\":\"u")
                        .append(client)
                        .append("\",\"messageId\":\"c")
                        .append(client)
                        .append('-')
                        .append(i)
                        .append("\"}");
                  }
                  return server.post("/v1/batch", key, batch.append("]}").toString()).statusCode();
                }));
      }
      for (var status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
    List<Event> events = server.events();
    assertThat(events).hasSize(clients * perBatch);
    assertThat(events).extracting(Event::messageId).doesNotHaveDuplicates();
    assertThat(server.log.appends()).isEqualTo(clients);
  }

  @Test
  void theServerAppendsToTheDurableLogInItsDataDirectory(@TempDir Path other) {
    try (TestServer plain = TestServer.start(other)) {
      String writeKey = plain.server().sources().create("web", "web").writeKey();
      HttpResponse<String> response =
          plain.send(
              plain
                  .request("/v1/track")
                  .header("Authorization", IngestServer.basic(writeKey))
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"userId\":\"u\",\"event\":\"Kept\",\"messageId\":\"d-1\"}"))
                  .build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    try (FileEventLog reopened = FileEventLog.open(other.resolve(TrailmapServer.EVENT_LOG_DIR))) {
      assertThat(reopened.read(0, 10))
          .extracting(entry -> entry.event().messageId())
          .containsExactly("d-1");
    }
  }

  @Test
  void answers503AndAcknowledgesNothingWhenTheLogCannotStore() {
    server.log.failing(true);
    HttpResponse<String> response =
        server.post("/v1/track", key, "{\"userId\":\"u\",\"event\":\"e\"}");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("disk full").contains("send it again");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(response.body()).doesNotContain("success");
  }
}
