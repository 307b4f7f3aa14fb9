package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP mode's protocol: what the importer sends to {@code /v1/batch} and how it reacts to the
 * answers, checked by a small server in the test. (The real ingestion API is tested against the
 * importer once it is on main.)
 */
class HttpImportTest {
  static final String KEY = "wk_test";
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  final List<JsonNode> batches = Collections.synchronizedList(new ArrayList<>());
  final List<Integer> bodySizes = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Answers 503 while failuresLeft > 0, 401 for another key, 400 for a batch holding "bad". */
  URI start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/batch",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = exchange.getRequestBody().readAllBytes();
          String expected =
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
          if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "{}");
          } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
          } else if (failuresLeft.getAndDecrement() > 0) {
            answer(exchange, 503, "{}");
          } else {
            JsonNode json = MAPPER.readTree(body);
            boolean bad = false;
            for (JsonNode call : json.path("batch")) {
              bad |= "bad".equals(call.path("event").asText());
            }
            if (bad) {
              answer(
                  exchange,
                  400,
                  "{\"status\":400,\"detail\":\"batch[0].event: 'bad' is not allowed\"}");
            } else {
              batches.add(json);
              bodySizes.add(body.length);
              answer(exchange, 200, "{\"success\":true}");
            }
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private ImportSummary run(URI url, String key, int attempts, Path... files) {
    return ImportRunner.toHttp(
            url, key, ImportRunnerTest.BY_EXTENSION, attempts, Duration.ofMillis(1))
        .run(List.of(files), ImportProgress.none());
  }

  @Test
  void postsSegmentBatchesWithinTheCountAndSizeLimitsInFileOrder() throws IOException {
    URI url = start();
    StringBuilder lines = new StringBuilder();
    String padding = "p".repeat(300);
    for (int i = 0; i < 6_000; i++) {
      lines
          .append("{\"type\":\"track\",\"event\":\"e")
          .append(i)
          .append(
              "\",\"userId\":\"u\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"properties\":{\"pad\":\"")
          .append(padding)
          .append("\"}}\n");
    }
    Path file = Files.writeString(dir.resolve("many.jsonl"), lines.toString());

    ImportSummary summary = run(url, KEY, 3, file);

    assertThat(summary.accepted()).isEqualTo(6_000);
    assertThat(summary.aborted()).isEmpty();
    assertThat(batches).allSatisfy(b -> assertThat(b.path("batch").size()).isBetween(1, 2_500));
    assertThat(bodySizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(500 * 1024));
    assertThat(batches.size()).isGreaterThan(3);
    List<String> names = new ArrayList<>();
    batches.forEach(b -> b.path("batch").forEach(call -> names.add(call.path("event").asText())));
    assertThat(names).hasSize(6_000);
    for (int i = 0; i < names.size(); i++) {
      assertThat(names.get(i)).isEqualTo("e" + i);
    }
    JsonNode call = batches.getFirst().path("batch").get(0);
    assertThat(call.path("type").asText()).isEqualTo("track");
    assertThat(call.path("messageId").asText()).isEqualTo(MessageIds.derive("many.jsonl", "1"));
    assertThat(call.path("timestamp").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(call.has("context")).as("the source's default channel applies").isFalse();
    assertThat(call.has("receivedAt")).isFalse();
    assertThat(call.has("sentAt")).isFalse();
  }

  @Test
  void sendsTheChannelGivenForTheImportInTheContext() throws IOException {
    URI url = start();
    Path file =
        Files.writeString(
            dir.resolve("c.jsonl"),
            """
            {"type":"track","event":"A","userId":"u","timestamp":0}
            {"type":"track","event":"B","userId":"u","timestamp":0,"context":{"channel":"web"}}
            """);
    ImportRunner.Options options =
        new ImportRunner.Options(Optional.empty(), ColumnMapping.none(), Optional.of("store"));

    ImportRunner.toHttp(url, KEY, options, 1, Duration.ofMillis(1))
        .run(List.of(file), ImportProgress.none());

    JsonNode batch = batches.getFirst().path("batch");
    assertThat(batch.get(0).path("context").path("channel").asText()).isEqualTo("store");
    assertThat(batch.get(1).path("context").path("channel").asText()).isEqualTo("web");
  }

  @Test
  void retriesServerErrorsWithBackoffAndLosesNothing() throws IOException {
    URI url = start();
    failuresLeft.set(2);

    ImportSummary summary = run(url, KEY, 3, SharedData.file("running-example.xes"));

    assertThat(summary.accepted()).isEqualTo(48);
    assertThat(summary.aborted()).isEmpty();
    assertThat(requests.get()).isEqualTo(3);
    assertThat(batches)
        .singleElement()
        .satisfies(b -> assertThat(b.path("batch").size()).isEqualTo(48));
  }

  @Test
  void stopsWithAClearReasonWhenTheServerKeepsFailing() throws IOException {
    URI url = start();
    failuresLeft.set(100);
    Path file =
        Files.writeString(
            dir.resolve("a.jsonl"),
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\n");

    ImportSummary summary = run(url, KEY, 4, file);

    assertThat(requests.get()).isEqualTo(4);
    assertThat(summary.accepted()).isZero();
    assertThat(summary.aborted())
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("failed 4 times (last: HTTP 503)")
                    .contains("importing again is safe"));
  }

  @Test
  void stopsWhenNothingListensAfterRetryingConnections() throws IOException {
    URI url = start();
    server.stop(0);
    server = null;
    Path file =
        Files.writeString(
            dir.resolve("a.jsonl"),
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\n");

    ImportSummary summary = run(url, KEY, 2, file);

    assertThat(summary.aborted())
        .hasValueSatisfying(
            why -> assertThat(why).contains("failed 2 times (last: connection failed"));
  }

  @Test
  void isolatesAnEventTheServerRefusesAndKeepsTheRestOfItsBatch() throws IOException {
    URI url = start();
    Path file =
        Files.writeString(
            dir.resolve("mixed.jsonl"),
            """
            {"type":"track","event":"A","userId":"u","timestamp":0}
            {"type":"track","event":"bad","userId":"u","timestamp":0}
            {"type":"track","event":"C","userId":"u","timestamp":0}
            """);

    ImportSummary summary = run(url, KEY, 1, file);

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.firstRejections())
        .extracting(Rejection::toString)
        .containsExactly(
            "mixed.jsonl:2: the server refused the event: batch[0].event: 'bad' is not allowed");
    List<String> stored = new ArrayList<>();
    batches.forEach(b -> b.path("batch").forEach(call -> stored.add(call.path("event").asText())));
    assertThat(stored).containsExactly("A", "C");
  }

  @Test
  void findsRefusedEventsInALargeBatchByHalvingNotByResendingEachEvent() throws IOException {
    URI url = start();
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1_000; i++) {
      String name = i == 100 || i == 700 ? "bad" : "e" + i;
      lines
          .append("{\"type\":\"track\",\"event\":\"")
          .append(name)
          .append("\",\"userId\":\"u\",\"timestamp\":0}\n");
    }
    Path file = Files.writeString(dir.resolve("two-bad.jsonl"), lines.toString());

    ImportSummary summary = run(url, KEY, 1, file);

    assertThat(summary.accepted()).isEqualTo(998);
    assertThat(summary.firstRejections()).extracting(Rejection::line).containsExactly(100L, 700L);
    assertThat(requests.get()).isLessThan(50);
  }

  @Test
  void stopsAtOnceWhenTheWriteKeyIsRefused() throws IOException {
    URI url = start();

    ImportSummary summary = run(url, "wk_wrong", 5, SharedData.file("running-example.xes"));

    assertThat(requests.get()).isEqualTo(1);
    assertThat(summary.aborted())
        .contains("the server refused the write key (HTTP 401): check --write-key");
  }

  @Test
  void rejectsAnEventOverThirtyTwoKilobytesWithoutSendingIt() throws IOException {
    URI url = start();
    String big = "x".repeat(33 * 1024);
    Path file =
        Files.writeString(
            dir.resolve("big.jsonl"),
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0,\"properties\":{\"b\":\""
                + big
                + "\"}}\n"
                + "{\"type\":\"track\",\"event\":\"B\",\"userId\":\"u\",\"timestamp\":0}\n");

    ImportSummary summary = run(url, KEY, 1, file);

    assertThat(summary.accepted()).isEqualTo(1);
    assertThat(summary.firstRejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(1);
              assertThat(r.reason()).endsWith("bytes, over the API's limit of 32 KB per event");
            });
    assertThat(Optional.of(batches.size())).contains(1);
  }
}
