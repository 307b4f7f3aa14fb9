package trailmap.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * A realistic stream of journey events: Zipf-ish many profiles, a handful of event names, a few
 * properties each (about 300 bytes of JSON per event, like a typical Segment track call). The same
 * batch is available as a {@code /v1/batch} JSON body and as core {@link Event}s, so the HTTP run
 * and the bare-store floor write the same data.
 */
final class Workload {
  private static final String[] EVENTS = {
    "Page Viewed",
    "Product Viewed",
    "Product Added",
    "Checkout Started",
    "Order Completed",
    "Trial Started",
    "Ticket Opened",
    "Survey Responded"
  };
  private static final String[] CHANNELS = {"web", "mobile", "email", "chat", "store"};

  private final SplittableRandom random;
  private final String runId;
  private long sequence;

  Workload(long seed, String runId) {
    this.random = new SplittableRandom(seed);
    this.runId = runId;
  }

  /**
   * One batch of {@code size} events with fresh messageIds.
   *
   * @param withEvents also build the core {@link Event}s (the floor needs them; the HTTP run only
   *     sends the JSON, and building them there would spend the shared cores on nothing)
   */
  Batch next(int size, Instant now, boolean withEvents) {
    List<Event> events = new ArrayList<>(size);
    StringBuilder json = new StringBuilder(size * 320).append("{\"batch\":[");
    for (int i = 0; i < size; i++) {
      long n = sequence++;
      String messageId = runId + "-" + n;
      String user = "user-" + (long) Math.floor(Math.pow(random.nextDouble(), 3) * 1_000_000);
      String name = EVENTS[random.nextInt(EVENTS.length)];
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      int price = random.nextInt(5, 500);
      String path = "/products/" + random.nextInt(10_000);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"type\":\"track\",\"messageId\":\"")
          .append(messageId)
          .append("\",\"userId\":\"")
          .append(user)
          .append("\",\"event\":\"")
          .append(name)
          .append("\",\"timestamp\":\"")
          .append(now)
          .append("\",\"properties\":{\"price\":")
          .append(price)
          .append(",\"currency\":\"EUR\",\"path\":\"")
          .append(path)
          .append("\",\"plan\":\"pro\"},\"context\":{\"channel\":\"")
          .append(channel)
          .append("\",\"library\":{\"name\":\"trailmap-bench\",\"version\":\"1\"}}}");
      if (!withEvents) {
        continue;
      }
      events.add(
          new Event(
              messageId,
              EventType.TRACK,
              Optional.of(name),
              Optional.of(user),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              new JsonValue.Obj(
                  Map.of(
                      "price", new JsonValue.Num(price),
                      "currency", new JsonValue.Str("EUR"),
                      "path", new JsonValue.Str(path),
                      "plan", new JsonValue.Str("pro"))),
              JsonValue.Obj.EMPTY,
              new JsonValue.Obj(Map.of("channel", new JsonValue.Str(channel))),
              now,
              now,
              channel,
              "bench"));
    }
    json.append("]}");
    return new Batch(json.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(events), size);
  }

  /** The same batch in both forms ({@code events} empty when not asked for). */
  record Batch(byte[] body, List<Event> events, int size) {}
}
