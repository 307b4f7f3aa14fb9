package trailmap.events.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.Optional;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Writes events in {@link EventJson}'s form, one after another, through one Jackson generator and
 * buffer: setting a generator up costs about as much as writing a small event, so the event log
 * encodes each appended batch with one encoder rather than one generator per event. Not
 * thread-safe; an encoder is cheap enough to make per batch.
 */
public final class EventEncoder implements AutoCloseable {
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);
  private final JsonGenerator out;

  EventEncoder(JsonFactory factory) {
    try {
      this.out = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a JSON generator over memory", e);
    }
    // Each event is its own document: no space between one root value and the next.
    out.setRootValueSeparator(null);
  }

  /** The event's JSON as UTF-8; the same bytes as {@link EventJson#bytes}. */
  public byte[] bytes(Event e) {
    try {
      buffer.reset();
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
      out.writeStringField("receivedAt", e.receivedAt().toString());
      out.writeStringField("channel", e.channel());
      out.writeStringField("source", e.source());
      out.writeEndObject();
      out.flush();
      return buffer.toByteArray();
    } catch (IOException ex) {
      throw new IllegalStateException("cannot serialise event " + e.messageId(), ex);
    }
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
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new IllegalStateException("closing a JSON generator over memory cannot fail", e);
    }
    buffer.release();
  }
}
