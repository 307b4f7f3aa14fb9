package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class XesReaderTest {
  private final XesReader reader = new XesReader();

  @Test
  void readsTheRunningExampleAsSixProfilesWithFortyTwoEvents() throws IOException {
    Reading r;
    try (InputStream in = Files.newInputStream(SharedData.file("running-example.xes"))) {
      r = Reading.of(reader, "running-example.xes", in);
    }

    assertThat(r.rejected()).isEmpty();
    List<Event> identifies =
        r.events().stream().filter(e -> e.type() == EventType.IDENTIFY).toList();
    List<Event> tracks = r.events().stream().filter(e -> e.type() == EventType.TRACK).toList();
    assertThat(identifies).hasSize(6);
    assertThat(tracks).hasSize(42);
    assertThat(identifies)
        .extracting(e -> e.userId().orElseThrow())
        .containsExactly("3", "2", "1", "6", "5", "4");
    assertThat(identifies.getFirst().traits().text("creator")).contains("Fluxicon Nitro");
    Event first = tracks.getFirst();
    assertThat(first.userId()).contains("3");
    assertThat(first.name()).contains("register request");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
    assertThat(first.properties().fields())
        .containsOnlyKeys("org:resource", "Activity", "Resource", "Costs");
    assertThat(identifies.getFirst().timestamp()).isEqualTo(first.timestamp());
    assertThat(r.events()).extracting(Event::messageId).doesNotHaveDuplicates();
  }

  @Test
  void streamsBpic2012WithAllTracesAndEvents() throws IOException {
    long[] counts = new long[3];
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(SharedData.file("bpic2012.xes.gz")), 1 << 16)) {
      reader.read(
          in,
          new ReadContext("bpic2012.xes.gz", Reading.NOW, "", ""),
          item -> {
            switch (item) {
              case ReadItem.Parsed p -> counts[p.event().type() == EventType.IDENTIFY ? 0 : 1]++;
              case ReadItem.Rejected x -> counts[2]++;
            }
          });
    }

    assertThat(counts).containsExactly(13_087, 262_200, 0);
  }

  @Test
  void typesAttributesAndRejectsEventsWithoutNameOrTimeByLine() throws IOException {
    String xes =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
          <trace>
            <string key="concept:name" value="case-1"/>
            <int key="AMOUNT_REQ" value="5000"/>
            <event>
              <string key="concept:name" value="A_SUBMITTED"/>
              <date key="time:timestamp" value="2011-10-01T00:38:44.546+02:00"/>
              <float key="score" value="0.5"><string key="meta" value="dropped"/></float>
              <boolean key="urgent" value="true"/>
              <list key="tags"><values><string key="t" value="x"/><string key="t" value="y"/></values></list>
            </event>
            <event>
              <date key="time:timestamp" value="2011-10-01T00:39:00.000+02:00"/>
            </event>
            <event>
              <string key="concept:name" value="A_ACCEPTED"/>
            </event>
            <event>
              <string key="concept:name" value="A_DECLINED"/>
              <date key="time:timestamp" value="someday"/>
            </event>
          </trace>
          <trace>
            <event>
              <string key="concept:name" value="orphan"/>
              <date key="time:timestamp" value="2011-10-01T00:38:44.546+02:00"/>
            </event>
          </trace>
        </log>
        """;

    Reading r = Reading.of(reader, "typed.xes", xes);

    assertThat(r.events()).hasSize(2);
    Event identify = r.events().get(0);
    assertThat(identify.type()).isEqualTo(EventType.IDENTIFY);
    assertThat(identify.traits().get("AMOUNT_REQ")).contains(new JsonValue.Num(5000));
    Event track = r.events().get(1);
    assertThat(track.properties().get("score")).contains(new JsonValue.Num(0.5));
    assertThat(track.properties().get("urgent")).contains(new JsonValue.Bool(true));
    assertThat(track.properties().get("tags"))
        .contains(new JsonValue.Arr(List.of(new JsonValue.Str("x"), new JsonValue.Str("y"))));
    assertThat(track.timestamp()).isEqualTo(Instant.parse("2011-09-30T22:38:44.546Z"));
    assertThat(r.rejected())
        .extracting(ReadItem.Rejected::line, ReadItem.Rejected::reason)
        .map(t -> t.toList().get(0) + ": " + t.toList().get(1))
        .containsExactly(
            "14: the event has no concept:name",
            "17: the event has no time:timestamp",
            "20: time:timestamp 'someday' is not a time: use ISO-8601 (2024-03-13T10:21:14Z) or epoch seconds or milliseconds",
            "25: the trace has no concept:name: it names no profile",
            "26: its trace (line 25) has no concept:name, so the event belongs to no profile");
  }

  @Test
  void keepsFileOrderForEqualTimestampsWithDistinctStableIds() throws IOException {
    String xes =
        """
        <log><trace><string key="concept:name" value="c"/>
        <event><string key="concept:name" value="first"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
        <event><string key="concept:name" value="second"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
        <event><string key="concept:name" value="third"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
        </trace></log>
        """;

    Reading r = Reading.of(reader, "same.xes", xes);
    Reading again = Reading.of(reader, "same.xes", xes);

    assertThat(r.events())
        .extracting(e -> e.name().orElse("identify"))
        .containsExactly("identify", "first", "second", "third");
    assertThat(r.events()).extracting(Event::messageId).doesNotHaveDuplicates();
    assertThat(again.events())
        .extracting(Event::messageId)
        .isEqualTo(r.events().stream().map(Event::messageId).toList());
    assertThat(r.events().get(2).messageId()).isEqualTo(MessageIds.derive("same.xes", "T1/E2"));
  }

  @Test
  void keepsEveryCompleteTraceBeforeMalformedXmlAndSaysWhereItBroke() throws IOException {
    String xes =
        """
        <log>
        <trace><string key="concept:name" value="ok"/>
        <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
        </trace>
        <trace><string key="concept:name" value="broken"/>
        <event><string key="concept:name" value="B"></event>
        </trace>
        </log>
        """;

    Reading r = Reading.of(reader, "broken.xes", xes);

    assertThat(r.events()).extracting(e -> e.userId().orElseThrow()).containsExactly("ok", "ok");
    assertThat(r.rejected())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(6);
              assertThat(x.reason())
                  .startsWith("the XML is malformed here (")
                  .endsWith("the rest of the file was not read");
            });
  }

  @Test
  void refusesDoctypesSoNoEntityIsExpanded() throws IOException {
    String xes =
        """
        <?xml version="1.0"?>
        <!DOCTYPE log [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <log><trace><string key="concept:name" value="&x;"/></trace></log>
        """;

    Reading r = Reading.of(reader, "evil.xes", xes);

    assertThat(r.events()).isEmpty();
    assertThat(r.rejected()).isNotEmpty();
    assertThat(r.rejected().toString()).doesNotContain("root:");
  }
}
