package trailmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where an event's time to hand-off went, from the server's own record: each sampled profile's flow
 * timeline ({@code GET /api/profiles/{id}/timeline}) gives when its send was decided (queued in the
 * outbox, the flow thread's commit) and when the provider accepted it (the sender's record).
 * Milliseconds of the server's wall clock, which is this machine's.
 */
final class HandoffBreakdown {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HandoffBreakdown() {}

  /**
   * One line: p50/p99 of acknowledgement to decision and of decision to hand-off, over at most
   * {@code sample} of the users (evenly spread).
   */
  static String line(String url, String adminKey, List<String> users, long[] ackWall, int sample)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Latencies decided = new Latencies();
    Latencies handed = new Latencies();
    int step = Math.max(1, users.size() / sample);
    for (int i = 0; i < users.size(); i += step) {
      if (ackWall[i] == 0) {
        continue;
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/api/profiles/userId:" + users.get(i) + "/timeline"))
                  .header("Authorization", "Bearer " + adminKey)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long queued = -1;
      long sent = -1;
      for (JsonNode a : JSON.readTree(r.body()).path("flow")) {
        if (a.path("kind").asText().equals("send")) {
          long at = Instant.parse(a.path("at").asText()).toEpochMilli();
          switch (a.path("outcome").asText()) {
            case "queued" -> queued = at;
            case "sent" -> sent = at;
            default -> {}
          }
        }
      }
      if (queued > 0 && sent > 0) {
        decided.add(Math.max(0, queued - ackWall[i]) * 1_000_000);
        handed.add((sent - queued) * 1_000_000);
      }
    }
    return String.format(
        Locale.ROOT,
        "where it went (server's timeline, %d profiles, ms): ack -> send decided p50 %.0f p99"
            + " %.0f; decided -> accepted by SMTP p50 %.0f p99 %.0f",
        decided.count(),
        decided.percentileMillis(0.5),
        decided.percentileMillis(0.99),
        handed.percentileMillis(0.5),
        handed.percentileMillis(0.99));
  }
}
