package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class JsonLinesReaderTest {
  private final JsonLinesReader reader = new JsonLinesReader();

  @Test
  void readsSegmentCallsOfEveryType() throws IOException {
    String text =
        """
        {"type":"track","event":"Order Completed","userId":"u1","properties":{"total":42.5},"context":{"channel":"web","traits":{"plan":"pro"}},"timestamp":"2024-03-13T10:21:14Z","messageId":"m-1"}
        {"type":"identify","userId":"u1","traits":{"email":"a@example.com"},"timestamp":"2024-03-13T10:20:00Z"}
        {"type":"page","name":"Pricing","anonymousId":"a1","timestamp":1710325274}
        {"type":"alias","previousId":"a1","userId":"u1","timestamp":"2024-03-13T10:22:00Z"}
        {"type":"group","groupId":"g1","userId":"u1","traits":{"name":"ACME"},"timestamp":"2024-03-13T10:23:00Z"}
        {"type":"screen","name":"Home","userId":"u1","timestamp":"2024-03-13T10:24:00Z"}
        """;

    Reading r = Reading.of(reader, "calls.jsonl", text);

    assertThat(r.rejected()).isEmpty();
    assertThat(r.events())
        .extracting(Event::type)
        .containsExactly(
            EventType.TRACK,
            EventType.IDENTIFY,
            EventType.PAGE,
            EventType.ALIAS,
            EventType.GROUP,
            EventType.SCREEN);
    Event track = r.events().getFirst();
    assertThat(track.messageId()).isEqualTo("m-1");
    assertThat(track.name()).contains("Order Completed");
    assertThat(track.properties().get("total")).contains(new JsonValue.Num(42.5));
    assertThat(track.traits().text("plan")).contains("pro");
    assertThat(track.channel()).isEqualTo("web");
    assertThat(track.receivedAt()).isEqualTo(Reading.NOW);
    assertThat(r.events().get(1).traits().text("email")).contains("a@example.com");
    assertThat(r.events().get(1).channel()).isEqualTo("import");
    assertThat(r.events().get(2).timestamp()).isEqualTo(Instant.parse("2024-03-13T10:21:14Z"));
    assertThat(r.events().get(2).name()).contains("Pricing");
    assertThat(r.events().get(3).previousId()).contains("a1");
    assertThat(r.events().get(4).groupId()).contains("g1");
  }

  @Test
  void rejectsBadLinesWithTheirLineNumbersAndKeepsTheGoodOnes() throws IOException {
    String text =
        """
        {"type":"track","event":"A","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}
        {"type":"track","event":"B","userId":"u1","timestamp":
        {"type":"track","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}

        {"type":"track","event":"C","timestamp":"2024-03-13T10:21:14Z"}
        {"type":"tap","event":"D","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}
        {"type":"track","event":"E","userId":"u1","timestamp":"yesterday"}
        {"type":"track","event":"F","userId":"u1"}
        [1,2]
        {"type":"alias","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}
        {"type":"track","event":"G","userId":"u1","timestamp":"2024-03-13T10:21:15Z"}
        """;

    Reading r = Reading.of(reader, "mixed.jsonl", text);

    assertThat(r.events()).extracting(e -> e.name().orElseThrow()).containsExactly("A", "G");
    assertThat(r.parsed()).extracting(ReadItem::line).containsExactly(1L, 11L);
    assertThat(r.rejected().getFirst().reason()).startsWith("not valid JSON: ");
    assertThat(r.rejected())
        .extracting(ReadItem.Rejected::line)
        .containsExactly(2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(r.rejected())
        .extracting(ReadItem.Rejected::reason)
        .containsExactly(
            r.rejected().get(0).reason(),
            "a track call needs 'event' (the event's name)",
            "userId or anonymousId is required",
            "type 'tap' is unknown: use track, identify, page, screen, group or alias",
            "timestamp 'yesterday' is not a time: use ISO-8601 (2024-03-13T10:21:14Z) or epoch seconds or milliseconds",
            "timestamp is missing: an imported event needs its time",
            "not a JSON object: each line must be one Segment call",
            "an alias call needs 'previousId'");
  }

  @Test
  void derivesTheSameMessageIdFromFileNameAndLineEveryTime() throws IOException {
    String text =
        """
        {"type":"track","event":"A","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}
        {"type":"track","event":"A","userId":"u1","timestamp":"2024-03-13T10:21:14Z"}
        """;

    Reading first = Reading.of(reader, "a.jsonl", text);
    Reading again = Reading.of(reader, "a.jsonl", text);
    Reading otherFile = Reading.of(reader, "b.jsonl", text);

    assertThat(first.events()).extracting(Event::messageId).doesNotHaveDuplicates();
    assertThat(again.events())
        .extracting(Event::messageId)
        .isEqualTo(first.events().stream().map(Event::messageId).toList());
    assertThat(otherFile.events().getFirst().messageId())
        .isNotEqualTo(first.events().getFirst().messageId());
    assertThat(first.events().getFirst().messageId()).isEqualTo(MessageIds.derive("a.jsonl", "1"));
  }

  @Test
  void correctsClockSkewOnlyWhenTheRecordCarriesItsOwnReceivedAt() throws IOException {
    String text =
        """
        {"type":"track","event":"A","userId":"u1","timestamp":"2024-03-13T10:00:00Z","sentAt":"2024-03-13T10:00:10Z","receivedAt":"2024-03-13T10:00:15Z"}
        {"type":"track","event":"B","userId":"u1","timestamp":"2024-03-13T10:00:00Z","sentAt":"2024-03-13T10:00:10Z"}
        """;

    Reading r = Reading.of(reader, "skew.jsonl", text);

    assertThat(r.events().get(0).timestamp()).isEqualTo(Instant.parse("2024-03-13T10:00:05Z"));
    assertThat(r.events().get(0).receivedAt()).isEqualTo(Instant.parse("2024-03-13T10:00:15Z"));
    assertThat(r.events().get(1).timestamp()).isEqualTo(Instant.parse("2024-03-13T10:00:00Z"));
    assertThat(r.events().get(1).receivedAt()).isEqualTo(Reading.NOW);
  }

  @Test
  void rejectsAnOverLongLineWithoutHoldingIt() throws IOException {
    String huge =
        "{\"type\":\"track\",\"event\":\"" + "x".repeat(JsonLinesReader.MAX_LINE_CHARS) + "\"}";
    String text =
        huge + "\n{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\n";

    Reading r = Reading.of(reader, "long.jsonl", text);

    assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(1));
    assertThat(r.parsed()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(2));
    assertThat(r.events().getFirst().anonymousId()).isEqualTo(Optional.empty());
  }
}
