package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** Segment's official Java library, unchanged but for its endpoint, sends to Trailmap. */
class SegmentLibraryTest {
  @TempDir Path dir;
  IngestServer server;
  String key;

  @BeforeEach
  void start() {
    server = new IngestServer(dir);
    key = server.writeKey("backend", "server");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Counts the library's verdict on every message it sends. */
  static final class Outcomes implements Callback {
    final Queue<String> succeeded = new ConcurrentLinkedQueue<>();
    final Queue<String> failed = new ConcurrentLinkedQueue<>();
    final CountDownLatch done;

    Outcomes(int expected) {
      done = new CountDownLatch(expected);
    }

    @Override
    public void success(Message message) {
      succeeded.add(message.messageId());
      done.countDown();
    }

    @Override
    public void failure(Message message, Throwable throwable) {
      failed.add(message.messageId() + ": " + throwable);
      done.countDown();
    }
  }

  @Test
  void everyCallOfTheOfficialLibraryArrivesExactlyOnce() throws Exception {
    List<MessageBuilder<?, ?>> calls =
        List.of(
            TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(Map.of("total", 42.5, "currency", "EUR")),
            IdentifyMessage.builder().userId("u-1").traits(Map.of("email", "u1@example.com")),
            PageMessage.builder("Pricing").anonymousId("anon-7"),
            ScreenMessage.builder("Cart").userId("u-1"),
            AliasMessage.builder("anon-7").userId("u-1"),
            GroupMessage.builder("acme").userId("u-1").traits(Map.of("plan", "enterprise")),
            TrackMessage.builder("Signed Out").userId("u-1").context(Map.of("channel", "web")));
    Outcomes outcomes = new Outcomes(calls.size());
    Analytics analytics =
        Analytics.builder(key)
            .endpoint(server.uri().toString())
            .flushQueueSize(3)
            .flushInterval(1, TimeUnit.SECONDS)
            .callback(outcomes)
            .build();
    try {
      calls.forEach(analytics::enqueue);
      analytics.flush();
      assertThat(outcomes.done.await(30, TimeUnit.SECONDS)).as("every call answered").isTrue();
    } finally {
      analytics.shutdown();
    }
    assertThat(outcomes.failed).isEmpty();
    assertThat(outcomes.succeeded).hasSize(calls.size()).doesNotHaveDuplicates();
    // Batches of 3, 3 and 1 posted to /v1/import, each acknowledged once appended.
    assertThat(server.log.appends()).isEqualTo(3);

    List<Event> stored = server.events();
    assertThat(stored)
        .extracting(Event::messageId)
        .containsExactlyInAnyOrderElementsOf(outcomes.succeeded);
    Map<EventType, List<Event>> byType =
        stored.stream().collect(Collectors.groupingBy(Event::type));
    Event order =
        byType.get(EventType.TRACK).stream()
            .filter(e -> e.name().equals(java.util.Optional.of("Order Completed")))
            .findFirst()
            .orElseThrow();
    assertThat(order.userId()).hasValue("u-1");
    assertThat(order.properties().get("total")).hasValue(new JsonValue.Num(42.5));
    assertThat(order.context().at("library.name")).isPresent();
    assertThat(order.channel()).isEqualTo("server");
    assertThat(byType.get(EventType.IDENTIFY).getFirst().traits().text("email"))
        .hasValue("u1@example.com");
    assertThat(byType.get(EventType.PAGE).getFirst().anonymousId()).hasValue("anon-7");
    assertThat(byType.get(EventType.PAGE).getFirst().name()).hasValue("Pricing");
    assertThat(byType.get(EventType.SCREEN).getFirst().name()).hasValue("Cart");
    assertThat(byType.get(EventType.ALIAS).getFirst().previousId()).hasValue("anon-7");
    assertThat(byType.get(EventType.GROUP).getFirst().groupId()).hasValue("acme");
    Map<String, Event> byName =
        stored.stream()
            .filter(e -> e.name().isPresent())
            .collect(Collectors.toMap(e -> e.name().get(), Function.identity()));
    assertThat(byName.get("Signed Out").channel()).isEqualTo("web");
    assertThat(stored).allSatisfy(e -> assertThat(e.source()).startsWith("src_"));
  }

  @Test
  void theLibraryRetriesABatchThatWasNotStoredAndItArrivesOnce() throws Exception {
    server.log.failNext(1);
    Outcomes outcomes = new Outcomes(2);
    Analytics analytics =
        Analytics.builder(key)
            .endpoint(server.uri().toString())
            .flushQueueSize(2)
            .callback(outcomes)
            .build();
    try {
      analytics.enqueue(TrackMessage.builder("First").userId("u-2"));
      analytics.enqueue(TrackMessage.builder("Second").userId("u-2"));
      analytics.flush();
      // The library backs off about 15 seconds (with jitter) before its retry.
      assertThat(outcomes.done.await(90, TimeUnit.SECONDS)).as("both calls answered").isTrue();
    } finally {
      analytics.shutdown();
    }
    assertThat(outcomes.failed).isEmpty();
    assertThat(server.events())
        .extracting(Event::messageId)
        .containsExactlyInAnyOrderElementsOf(outcomes.succeeded);
    assertThat(server.events()).hasSize(2);
    String metrics =
        server
            .send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/metrics")).build())
            .body();
    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/import\",status=\"503\"} 1")
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/import\",status=\"200\"} 1");
  }
}
