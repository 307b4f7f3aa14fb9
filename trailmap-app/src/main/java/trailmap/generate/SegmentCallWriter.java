package trailmap.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValueStreams;
import trailmap.maps.EventType;

/**
 * Writes events as JSON Lines of Segment calls, the shape {@code trailmap import} and {@code
 * /v1/batch} take: {@code type}, {@code event} or {@code name}, ids, {@code properties}, {@code
 * traits}, {@code context} (with the channel), {@code timestamp} and {@code messageId}. Not
 * thread-safe; closing it flushes and leaves the stream open.
 */
final class SegmentCallWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator out;

  SegmentCallWriter(OutputStream stream) throws IOException {
    this.out = FACTORY.createGenerator(stream);
    out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    out.setRootValueSeparator(null);
  }

  void write(Event e) throws IOException {
    out.writeStartObject();
    out.writeStringField("messageId", e.messageId());
    out.writeStringField("type", e.type().wireName());
    if (e.name().isPresent()) {
      out.writeStringField(e.type() == EventType.TRACK ? "event" : "name", e.name().get());
    }
    optional("userId", e.userId());
    optional("anonymousId", e.anonymousId());
    optional("previousId", e.previousId());
    optional("groupId", e.groupId());
    object("properties", e.properties());
    object("traits", e.traits());
    object("context", e.context());
    out.writeStringField("timestamp", e.timestamp().toString());
    out.writeEndObject();
    out.writeRaw('\n');
  }

  private void optional(String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      out.writeStringField(field, value.get());
    }
  }

  private void object(String field, JsonValue.Obj value) throws IOException {
    if (!value.fields().isEmpty()) {
      out.writeFieldName(field);
      JsonValueStreams.write(out, value);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
