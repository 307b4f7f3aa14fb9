package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment's limits: 32 KB per event, 500 KB and 2,500 events per batch, after decompression. */
class CollectionLimitsTest {
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

  static String track(int index, int padding) {
    return "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"m"
        + index
        + "\",\"properties\":{\"pad\":\""
        + "x".repeat(padding)
        + "\"}}";
  }

  static String batch(int events, int padding) {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < events; i++) {
      body.append(i == 0 ? "" : ",").append(track(i, padding));
    }
    return body.append("]}").toString();
  }

  void assertTooLarge(HttpResponse<String> response, String... parts) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.body()).contains(parts);
    assertThat(server.events()).isEmpty();
  }

  @Test
  void weighsEachCallOfABatchByTheBytesItTakesToTheByte() {
    int exact = 32 * 1024 - track(0, 0).length();
    HttpResponse<String> atLimit = server.post("/v1/batch", key, batch(1, exact));
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
    assertTooLargeKeeping(
        server.post("/v1/batch", key, "{\"batch\":[" + track(1, exact + 1) + "]}"),
        1,
        "batch[0] is 32,769 bytes of JSON, over the limit of 32,768 bytes per event");
  }

  @Test
  void refusesTrailingContentAfterABatch() {
    HttpResponse<String> response = server.post("/v1/batch", key, batch(1, 1) + " {}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("trailing content");
    assertThat(server.events()).isEmpty();
  }

  void assertTooLargeKeeping(HttpResponse<String> response, int stored, String... parts) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.body()).contains(parts);
    assertThat(server.events()).hasSize(stored);
  }

  @Test
  void refusesASingleCallOver32Kilobytes() {
    assertTooLarge(
        server.post("/v1/track", key, track(0, 33 * 1024)),
        "over the limit of 32,768 bytes for one call",
        "maxEventBytes");
  }

  @Test
  void acceptsACallJustUnderTheLimit() {
    assertThat(server.post("/v1/track", key, track(0, 32 * 1024 - 200)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refusesAnEventOver32KilobytesInsideABatchNamingIt() {
    String body =
        "{\"batch\":[" + track(0, 10) + "," + track(1, 10) + "," + track(2, 40 * 1024) + "]}";
    assertTooLarge(
        server.post("/v1/batch", key, body),
        "\"event\":2",
        "batch[2] is 41,",
        "over the limit of 32,768 bytes per event",
        "maxEventBytes");
  }

  @Test
  void refusesABatchOver500Kilobytes() {
    assertTooLarge(
        server.post("/v1/batch", key, batch(30, 20 * 1024)),
        "over the limit of 512,000 bytes for one batch",
        "maxBatchBytes");
  }

  @Test
  void acceptsABatchOf2500EventsAndRefuses2501() {
    assertTooLarge(
        server.post("/v1/batch", key, batch(2_501, 0)),
        "the batch has 2,501 events, over the limit of 2,500",
        "maxBatchEvents");
    assertThat(server.post("/v1/batch", key, batch(2_500, 0)).statusCode()).isEqualTo(200);
    assertThat(server.events()).hasSize(2_500);
  }

  @Test
  void honoursLimitsSetInTheConfig(@TempDir Path other) {
    try (IngestServer small = new IngestServer(other, new IngestLimits(1024, 4096, 3))) {
      String writeKey = small.writeKey("web", "web");
      HttpResponse<String> tooMany = small.post("/v1/batch", writeKey, batch(4, 0));
      assertThat(tooMany.statusCode()).isEqualTo(413);
      assertThat(tooMany.body()).contains("over the limit of 3 per batch");
      HttpResponse<String> tooBig = small.post("/v1/track", writeKey, track(0, 1100));
      assertThat(tooBig.statusCode()).isEqualTo(413);
      assertThat(tooBig.body()).contains("over the limit of 1,024 bytes for one call");
      assertThat(small.post("/v1/batch", writeKey, batch(3, 0)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros);
      }
    }
    byte[] bomb = out.toByteArray();
    assertThat(bomb.length).isLessThan(500 * 1024);
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri().resolve("/v1/batch"))
                .header("Content-Encoding", "gzip")
                .header("Authorization", IngestServer.basic(key))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                .build());
    assertTooLarge(response, "more than 512,000 bytes once decompressed", "gzipped");
    assertThat(server.post("/v1/track", key, track(0, 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void aGzippedBodyIsLimitedByItsDecompressedSize() {
    byte[] plain = track(0, 40 * 1024).getBytes(StandardCharsets.UTF_8);
    assertThat(IngestServer.gzip(plain).length).isLessThan(32 * 1024);
    assertTooLarge(server.postGzip("/v1/track", key, plain), "once decompressed");
  }

  @Test
  void refusesBodiesThatAreNotTheGzipTheySayAndUnknownEncodings() {
    HttpResponse<String> notGzip =
        server.send(
            HttpRequest.newBuilder(server.uri().resolve("/v1/track"))
                .header("Content-Encoding", "gzip")
                .header("Authorization", IngestServer.basic(key))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"event\":\"e\"}"))
                .build());
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(notGzip.body()).contains("not valid gzip");
    HttpResponse<String> brotli =
        server.send(
            HttpRequest.newBuilder(server.uri().resolve("/v1/track"))
                .header("Content-Encoding", "br")
                .header("Authorization", IngestServer.basic(key))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(brotli.body()).contains("send the body as gzip or uncompressed");
    assertThat(server.events()).isEmpty();
  }
}
