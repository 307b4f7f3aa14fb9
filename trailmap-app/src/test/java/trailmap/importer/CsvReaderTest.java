package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class CsvReaderTest {
  private final CsvReader mapped =
      new CsvReader(ColumnMapping.parse("userId=customer_id,event=action,timestamp=ts"));

  @Test
  void mapsColumnsToFieldsAndTheRestToProperties() throws IOException {
    String text =
        """
        customer_id,action,ts,plan,coupon
        c1,Signed Up,2024-03-13T10:21:14Z,pro,
        c2,Order Completed,1710325274123,free,SPRING
        """;

    Reading r = Reading.of(mapped, "orders.csv", text);

    assertThat(r.rejected()).isEmpty();
    Event first = r.events().getFirst();
    assertThat(first.type()).isEqualTo(EventType.TRACK);
    assertThat(first.userId()).contains("c1");
    assertThat(first.name()).contains("Signed Up");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-03-13T10:21:14Z"));
    assertThat(first.properties().fields()).containsOnlyKeys("plan");
    assertThat(r.events().get(1).properties().get("coupon")).contains(new JsonValue.Str("SPRING"));
    assertThat(r.events().get(1).timestamp()).isEqualTo(Instant.parse("2024-03-13T10:21:14.123Z"));
    assertThat(r.parsed()).extracting(ReadItem::line).containsExactly(2L, 3L);
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsLinesRight() throws IOException {
    String text =
        "customer_id,action,ts,note\r\n"
            + "c1,Complained,2024-03-13T10:00:00Z,\"late, and \"\"broken\"\"\"\r\n"
            + "c1,Wrote,2024-03-13T11:00:00Z,\"line one\nline two\nline three\"\r\n"
            + "c1,Called,2024-03-13T12:00:00Z,plain\r\n";

    Reading r = Reading.of(mapped, "notes.csv", text);

    assertThat(r.rejected()).isEmpty();
    assertThat(r.events())
        .extracting(e -> e.properties().text("note").orElseThrow())
        .containsExactly("late, and \"broken\"", "line one\nline two\nline three", "plain");
    assertThat(r.parsed()).extracting(ReadItem::line).containsExactly(2L, 3L, 6L);
  }

  @Test
  void rejectsBadRowsWithTheirLineNumbersAndKeepsTheGoodOnes() throws IOException {
    String text =
        """
        customer_id,action,ts,plan
        c1,A,2024-03-13T10:00:00Z,pro
        c1,B,2024-03-13T10:00:00Z
        ,C,2024-03-13T10:00:00Z,pro
        c1,,2024-03-13T10:00:00Z,pro
        c1,D,soon,pro
        c1,"E"x,2024-03-13T10:00:00Z,pro

        c1,F,2024-03-13T10:00:01Z,pro
        c1,G,2024-03-13T10:00:02Z,"never closed
        """;

    Reading r = Reading.of(mapped, "bad.csv", text);

    assertThat(r.events()).extracting(e -> e.name().orElseThrow()).containsExactly("A", "F");
    assertThat(r.rejected())
        .extracting(ReadItem.Rejected::line)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 10L);
    assertThat(r.rejected())
        .extracting(ReadItem.Rejected::reason)
        .containsExactly(
            "row has 3 fields, the header has 4: quote fields that contain commas",
            "userId or anonymousId is empty",
            "the event name is empty",
            "timestamp 'soon' is not a time: use ISO-8601 (2024-03-13T10:21:14Z) or epoch seconds or milliseconds",
            "text after a closing quote: quote the whole field and double inner quotes (\"\")",
            "a quoted field opened here is never closed");
  }

  @Test
  void mapsTypeChannelMessageIdAndAnonymousIdAndPutsIdentifyColumnsInTraits() throws IOException {
    CsvReader reader =
        new CsvReader(
            ColumnMapping.parse(
                "anonymousId=visitor,type=kind,channel=via,messageId=id,event=what,timestamp=at"));
    String text =
        """
        visitor,kind,via,id,what,at,email
        v1,identify,store,id-1,,2024-03-13T10:00:00Z,a@example.com
        v1,track,web,id-2,Viewed,2024-03-13T10:00:01Z,
        v1,alias,web,id-3,,2024-03-13T10:00:02Z,
        """;

    Reading r = Reading.of(reader, "kinds.csv", text);

    assertThat(r.events()).extracting(Event::messageId).containsExactly("id-1", "id-2");
    assertThat(r.events().getFirst().traits().text("email")).contains("a@example.com");
    assertThat(r.events().getFirst().properties().fields()).isEmpty();
    assertThat(r.events().getFirst().channel()).isEqualTo("store");
    assertThat(r.events().get(1).anonymousId()).contains("v1");
    assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(4));
  }

  @Test
  void takesUnmappedFieldsFromColumnsOfTheSameNameSoTheEcomLogNeedsNoMap() throws IOException {
    Reading r;
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(SharedData.file("ecom.csv.gz")))) {
      r = Reading.of(new CsvReader(ColumnMapping.none()), "ecom.csv.gz", in);
    }

    assertThat(r.rejected()).isEmpty();
    assertThat(r.events()).hasSize(31_106);
    Event first = r.events().getFirst();
    assertThat(first.userId()).contains("user_0000");
    assertThat(first.name()).contains("home");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-03-13T10:21:14Z"));
    assertThat(first.properties().fields())
        .containsOnlyKeys(
            "session_id", "platform", "acquisition_channel", "user_cohort", "user_lifecycle");
  }

  @Test
  void refusesAMapNamingAColumnTheHeaderLacks() {
    assertThatThrownBy(() -> Reading.of(mapped, "x.csv", "customer,action,ts\nc1,A,0\n"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(
            "x.csv: --map userId=customer_id but the header has no column 'customer_id'; columns are customer, action, ts");
  }

  @Test
  void refusesMalformedMaps() {
    assertThatThrownBy(() -> ColumnMapping.parse("userId"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("expected FIELD=COLUMN");
    assertThatThrownBy(() -> ColumnMapping.parse("user=customer_id"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining(
            "unknown field 'user'; fields are userId, anonymousId, event, timestamp");
    assertThatThrownBy(() -> ColumnMapping.parse("event=a,event=b"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage("--map names 'event' twice");
  }
}
