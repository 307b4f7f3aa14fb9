package trailmap.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import trailmap.events.json.EventJson;

/**
 * Posts events to {@code URL/v1/batch} with the write key as the basic-auth user, in batches of at
 * most {@value #MAX_BATCH_EVENTS} events and {@value #MAX_BATCH_BYTES} bytes (Segment's limits); an
 * event over {@value #MAX_EVENT_BYTES} bytes is rejected here. Batches go one at a time, in order.
 * A 5xx answer or a connection error is retried with exponential backoff (from {@code
 * firstBackoff}, doubling, capped at 10 s) up to {@code attempts} tries; retries are safe because
 * the server dedupes by messageId. A 400, 413 or 422 for a batch is retried in halves until the
 * refused events stand alone, so a bad event is rejected with the server's reason and the good ones
 * still go in. 401/403 and other answers stop the import.
 */
final class HttpSink implements EventSink {
  static final int MAX_BATCH_EVENTS = 2_500;
  static final int MAX_BATCH_BYTES = 500 * 1024;
  static final int MAX_EVENT_BYTES = 32 * 1024;
  private static final int ENVELOPE_BYTES = 64;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Pending(String file, long line, String json) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String authorization;
  private final int attempts;
  private final Duration firstBackoff;
  private final List<Pending> buffer = new ArrayList<>();
  private int bufferBytes;

  HttpSink(URI baseUrl, String writeKey, int attempts, Duration firstBackoff) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/v1/batch");
    this.authorization =
        "Basic "
            + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    this.attempts = Math.max(1, attempts);
    this.firstBackoff = firstBackoff;
  }

  /** The Segment call for an event: the stored form without the fields a server sets itself. */
  static ObjectNode call(trailmap.events.Event event) {
    ObjectNode node = EventJson.toNode(event);
    node.remove(List.of("receivedAt", "channel", "source"));
    if (!event.channel().equals("unknown") && !event.context().fields().containsKey("channel")) {
      ObjectNode context =
          node.has("context") ? (ObjectNode) node.get("context") : node.putObject("context");
      context.put("channel", event.channel());
    }
    return node;
  }

  @Override
  public void add(ReadItem.Parsed item, String file, Tally tally) {
    String json = call(item.event()).toString();
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_EVENT_BYTES) {
      tally.reject(
          file,
          item.line(),
          "the event is " + bytes + " bytes, over the API's limit of 32 KB per event");
      return;
    }
    if (buffer.size() >= MAX_BATCH_EVENTS
        || bufferBytes + bytes + 1 + ENVELOPE_BYTES > MAX_BATCH_BYTES) {
      flush(tally);
    }
    buffer.add(new Pending(file, item.line(), json));
    bufferBytes += bytes + 1;
  }

  @Override
  public void flush(Tally tally) {
    if (buffer.isEmpty()) {
      return;
    }
    List<Pending> batch = List.copyOf(buffer);
    buffer.clear();
    bufferBytes = 0;
    HttpResponse<String> response = post(batch);
    int status = response.statusCode();
    if (status / 100 == 2) {
      tally.accepted += batch.size();
    } else if (status == 400 || status == 413 || status == 422) {
      if (batch.size() == 1) {
        Pending p = batch.getFirst();
        tally.reject(p.file(), p.line(), "the server refused the event: " + detail(response));
      } else {
        // halve until the refused events stand alone: a few extra requests per bad event
        int half = batch.size() / 2;
        buffer.addAll(batch.subList(0, half));
        flush(tally);
        buffer.addAll(batch.subList(half, batch.size()));
        flush(tally);
      }
    } else if (status == 401 || status == 403) {
      throw new ImportAbortedException(
          "the server refused the write key (HTTP " + status + "): check --write-key");
    } else {
      throw new ImportAbortedException(
          "POST "
              + endpoint
              + " answered HTTP "
              + status
              + " ("
              + detail(response)
              + "): is --url a Trailmap server?");
    }
  }

  private HttpResponse<String> post(List<Pending> batch) {
    StringBuilder body =
        new StringBuilder(bufferBytesOf(batch) + ENVELOPE_BYTES).append("{\"batch\":[");
    for (int i = 0; i < batch.size(); i++) {
      body.append(i == 0 ? "" : ",").append(batch.get(i).json());
    }
    body.append("]}");
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    Duration backoff = firstBackoff;
    String lastProblem = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 500) {
          return response;
        }
        lastProblem = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastProblem = "connection failed: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImportAbortedException("interrupted while sending to " + endpoint);
      }
      if (attempt < attempts) {
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    throw new ImportAbortedException(
        "POST "
            + endpoint
            + " failed "
            + attempts
            + " times (last: "
            + lastProblem
            + "); events sent before are stored, and importing again is safe");
  }

  private static int bufferBytesOf(List<Pending> batch) {
    return batch.stream().mapToInt(p -> p.json().length() + 1).sum();
  }

  private static String detail(HttpResponse<String> response) {
    try {
      JsonNode problem = MAPPER.readTree(response.body());
      String detail = problem.path("detail").asText(problem.path("title").asText(""));
      return detail.isBlank() ? "HTTP " + response.statusCode() : Problems.clip(detail);
    } catch (IOException notJson) {
      return "HTTP " + response.statusCode();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportAbortedException("interrupted while waiting to retry");
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
