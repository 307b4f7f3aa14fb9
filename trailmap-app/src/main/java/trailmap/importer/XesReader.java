package trailmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * IEEE 1849 XES event logs, streamed with StAX so a file of any size needs only one trace in
 * memory. A trace is one profile: its {@code concept:name} is the userId. Each trace gives one
 * {@code identify} carrying the trace's other attributes as traits (at the time of its earliest
 * event), then one {@code track} per event in file order: {@code concept:name} is the event name,
 * {@code time:timestamp} its time, every other attribute a property ({@code int} and {@code float}
 * as numbers, {@code boolean} as a boolean, {@code list} as an array, {@code container} as an
 * object, the rest as strings; meta-attributes are dropped). Missing messageIds are derived from
 * the file name and the trace and event ordinals ({@code T12} for a trace, {@code T12/E3} for its
 * third event). Log-level globals, extensions and classifiers are not events and are skipped. DTDs
 * and external entities are refused.
 */
public final class XesReader implements EventReader {
  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  private record XesEvent(long line, int ordinal, Map<String, JsonValue> attributes) {}

  @Override
  public void read(InputStream in, ReadContext context, Consumer<ReadItem> out) throws IOException {
    XMLStreamReader xml;
    try {
      xml = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new UnusableInputException(context.fileName() + ": not XML: " + e.getMessage());
    }
    int traceOrdinal = 0;
    try {
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String tag = xml.getLocalName();
        if (tag.equals("log")) {
          continue; // descend into the log's children
        }
        if (tag.equals("trace")) {
          traceOrdinal++;
          readTrace(xml, traceOrdinal, context, out);
        } else if (tag.equals("event")) {
          long line = xml.getLocation().getLineNumber();
          skip(xml);
          out.accept(
              new ReadItem.Rejected(line, "an event outside any trace belongs to no profile"));
        } else {
          skip(xml);
        }
      }
    } catch (XMLStreamException e) {
      long line =
          e.getLocation() == null
              ? xml.getLocation().getLineNumber()
              : e.getLocation().getLineNumber();
      out.accept(
          new ReadItem.Rejected(
              Math.max(1, line),
              "the XML is malformed here ("
                  + Problems.clip(String.valueOf(e.getMessage()))
                  + "); the rest of the file was not read"));
    }
  }

  private static void readTrace(
      XMLStreamReader xml, int traceOrdinal, ReadContext ctx, Consumer<ReadItem> out)
      throws XMLStreamException {
    long traceLine = xml.getLocation().getLineNumber();
    Map<String, JsonValue> traits = new LinkedHashMap<>();
    List<XesEvent> events = new ArrayList<>();
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (xml.getLocalName().equals("event")) {
        long line = xml.getLocation().getLineNumber();
        Map<String, JsonValue> attributes = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
          readAttribute(xml).ifPresent(a -> attributes.put(a.getKey(), a.getValue()));
        }
        events.add(new XesEvent(line, events.size() + 1, attributes));
      } else {
        readAttribute(xml).ifPresent(a -> traits.put(a.getKey(), a.getValue()));
      }
    }
    emit(traceLine, traceOrdinal, traits, events, ctx, out);
  }

  private static void emit(
      long traceLine,
      int traceOrdinal,
      Map<String, JsonValue> traceAttributes,
      List<XesEvent> events,
      ReadContext ctx,
      Consumer<ReadItem> out) {
    Optional<String> userId =
        Optional.ofNullable(traceAttributes.get("concept:name")).flatMap(JsonValue::asText);
    if (userId.isEmpty()) {
      String reason =
          "its trace (line "
              + traceLine
              + ") has no concept:name, so the event belongs to no profile";
      out.accept(
          new ReadItem.Rejected(traceLine, "the trace has no concept:name: it names no profile"));
      events.forEach(e -> out.accept(new ReadItem.Rejected(e.line(), reason)));
      return;
    }
    List<ReadItem> tracks = new ArrayList<>(events.size());
    Optional<Instant> earliest = Optional.empty();
    for (XesEvent e : events) {
      ReadItem item = track(e, userId.get(), traceOrdinal, ctx);
      if (item instanceof ReadItem.Parsed p
          && (earliest.isEmpty() || p.event().timestamp().isBefore(earliest.get()))) {
        earliest = Optional.of(p.event().timestamp());
      }
      tracks.add(item);
    }
    Map<String, JsonValue> traits = new LinkedHashMap<>(traceAttributes);
    traits.remove("concept:name");
    if (earliest.isPresent()) {
      out.accept(
          new ReadItem.Parsed(
              traceLine,
              event(
                  MessageIds.derive(ctx.fileName(), "T" + traceOrdinal),
                  EventType.IDENTIFY,
                  Optional.empty(),
                  userId.get(),
                  JsonValue.Obj.EMPTY,
                  new JsonValue.Obj(traits),
                  earliest.get(),
                  ctx)));
    } else {
      out.accept(
          new ReadItem.Rejected(
              traceLine,
              "trace '"
                  + Problems.clip(userId.get())
                  + "' has no event with a time:timestamp, so its traits have no time"));
    }
    tracks.forEach(out);
  }

  private static ReadItem track(XesEvent e, String userId, int traceOrdinal, ReadContext ctx) {
    Map<String, JsonValue> properties = new LinkedHashMap<>(e.attributes());
    Optional<String> name =
        Optional.ofNullable(properties.remove("concept:name")).flatMap(JsonValue::asText);
    if (name.isEmpty()) {
      return new ReadItem.Rejected(e.line(), "the event has no concept:name");
    }
    JsonValue time = properties.remove("time:timestamp");
    if (time == null) {
      return new ReadItem.Rejected(e.line(), "the event has no time:timestamp");
    }
    Optional<Instant> timestamp = JsonValue.asText(time).flatMap(Timestamps::parse);
    if (timestamp.isEmpty()) {
      return new ReadItem.Rejected(
          e.line(), Timestamps.problem("time:timestamp", JsonValue.asText(time).orElse("")));
    }
    return new ReadItem.Parsed(
        e.line(),
        event(
            MessageIds.derive(ctx.fileName(), "T" + traceOrdinal + "/E" + e.ordinal()),
            EventType.TRACK,
            name,
            userId,
            new JsonValue.Obj(properties),
            JsonValue.Obj.EMPTY,
            timestamp.get(),
            ctx));
  }

  private static Event event(
      String messageId,
      EventType type,
      Optional<String> name,
      String userId,
      JsonValue.Obj properties,
      JsonValue.Obj traits,
      Instant time,
      ReadContext ctx) {
    return new Event(
        messageId,
        type,
        name,
        Optional.of(userId),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        properties,
        traits,
        JsonValue.Obj.EMPTY,
        time,
        ctx.receivedAt(),
        ctx.channel(),
        ctx.source());
  }

  /**
   * Reads the attribute element the reader is on, through its end tag. Empty for an element that is
   * not an attribute or has no key.
   */
  private static Optional<Map.Entry<String, JsonValue>> readAttribute(XMLStreamReader xml)
      throws XMLStreamException {
    String type = xml.getLocalName();
    String key = xml.getAttributeValue(null, "key");
    String value = xml.getAttributeValue(null, "value");
    JsonValue result =
        switch (type) {
          case "list", "container" -> children(xml, type.equals("list"));
          default -> {
            skip(xml); // meta-attributes
            yield scalar(type, value == null ? "" : value);
          }
        };
    return key == null || result == null ? Optional.empty() : Optional.of(Map.entry(key, result));
  }

  private static JsonValue children(XMLStreamReader xml, boolean list) throws XMLStreamException {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    List<JsonValue> items = new ArrayList<>();
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (xml.getLocalName().equals("values")) {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
          readAttribute(xml).ifPresent(a -> items.add(a.getValue()));
        }
      } else {
        readAttribute(xml)
            .ifPresent(
                a -> {
                  fields.put(a.getKey(), a.getValue());
                  items.add(a.getValue());
                });
      }
    }
    return list ? new JsonValue.Arr(items) : new JsonValue.Obj(fields);
  }

  private static JsonValue scalar(String type, String value) {
    try {
      return switch (type) {
        case "int" -> new JsonValue.Num(Long.parseLong(value.strip()));
        case "float" -> new JsonValue.Num(Double.parseDouble(value.strip()));
        case "boolean" -> new JsonValue.Bool(Boolean.parseBoolean(value.strip()));
        default -> new JsonValue.Str(value);
      };
    } catch (IllegalArgumentException notANumber) {
      return new JsonValue.Str(value);
    }
  }

  /** Skips the element the reader is on, children included, leaving it on its end tag. */
  private static void skip(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
