package trailmap.flows.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import trailmap.events.json.IsoInstants;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/**
 * A {@link FlowState} as the JSON text kept in {@code flow_state.state}; lossless both ways ({@code
 * StateCodecPropertiesTest}). Written with Jackson's streaming API, field by field (building and
 * walking a tree of nodes for it was a tenth of the flow thread's time for an event); read by
 * {@link StateScanner} when it is exactly what {@link #write} writes, else with Jackson.
 */
final class StateCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private StateCodec() {}

  static String write(FlowState s) {
    StringWriter out = new StringWriter(192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", s.version());
      g.writeNumberField("entries", s.entries());
      if (s.lastEnteredAt().isPresent()) {
        g.writeStringField("lastEnteredAt", s.lastEnteredAt().get().toString());
      }
      if (s.lastOutcome().isPresent()) {
        g.writeStringField("lastOutcome", s.lastOutcome().get().name());
      }
      if (s.run().isPresent()) {
        Run r = s.run().get();
        g.writeObjectFieldStart("run");
        g.writeNumberField("entry", r.entry());
        g.writeStringField("enteredAt", r.enteredAt().toString());
        g.writeStringField("step", r.step());
        g.writeStringField("stepEnteredAt", r.stepEnteredAt().toString());
        g.writeBooleanField("heldOut", r.heldOut());
        if (r.wakeAt().isPresent()) {
          g.writeStringField("wakeAt", r.wakeAt().get().toString());
        }
        g.writeObjectFieldStart("variants");
        for (Map.Entry<String, String> v : r.variants().entrySet()) {
          g.writeStringField(v.getKey(), v.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("visits");
        for (Map.Entry<String, Integer> v : r.visits().entrySet()) {
          g.writeNumberField(v.getKey(), v.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /**
   * An instant as {@link #write} wrote it ({@link Instant#toString}), read by the event parser's
   * hand-written path: {@code Instant.parse}'s formatter was a twentieth of a timer's cost.
   */
  private static Instant instant(String text) {
    return IsoInstants.parse(text)
        .orElseThrow(() -> new IllegalStateException("a flow state holds a damaged time: " + text));
  }

  static FlowState read(ProfileId profile, String flowId, String json) {
    try {
      // What write() wrote, read without a parser; anything else (an escaped character, a field
      // a later version added, damage) goes to Jackson.
      FlowState written = StateScanner.read(profile, flowId, json, StateCodec::instant);
      if (written != null) {
        return written;
      }
      try (JsonParser p = JSON.createParser(json)) {
        return read(profile, flowId, p);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "flow state of " + profile + " in " + flowId + " is damaged: " + e.getMessage(), e);
    }
  }

  private static FlowState read(ProfileId profile, String flowId, JsonParser p) throws IOException {
    expect(p, JsonToken.START_OBJECT);
    int version = 0;
    int entries = 0;
    Optional<Instant> lastEnteredAt = Optional.empty();
    Optional<Outcome> lastOutcome = Optional.empty();
    Optional<Run> run = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "version" -> version = p.getIntValue();
        case "entries" -> entries = p.getIntValue();
        case "lastEnteredAt" -> lastEnteredAt = Optional.of(instant(p.getText()));
        case "lastOutcome" -> lastOutcome = Optional.of(Outcome.valueOf(p.getText()));
        case "run" -> run = Optional.of(run(p));
        default -> p.skipChildren(); // a field a later version added
      }
    }
    return new FlowState(profile, flowId, version, entries, lastEnteredAt, run, lastOutcome);
  }

  private static Run run(JsonParser p) throws IOException {
    expect(p, JsonToken.START_OBJECT, p.currentToken());
    int entry = 0;
    Instant enteredAt = null;
    String step = null;
    Instant stepEnteredAt = null;
    Optional<Instant> wakeAt = Optional.empty();
    boolean heldOut = false;
    Map<String, String> variants = new HashMap<>();
    Map<String, Integer> visits = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "entry" -> entry = p.getIntValue();
        case "enteredAt" -> enteredAt = instant(p.getText());
        case "step" -> step = p.getText();
        case "stepEnteredAt" -> stepEnteredAt = instant(p.getText());
        case "heldOut" -> heldOut = p.getBooleanValue();
        case "wakeAt" -> wakeAt = Optional.of(instant(p.getText()));
        case "variants" -> entries(p, (split, value) -> variants.put(split, value.getText()));
        case "visits" -> entries(p, (stepId, value) -> visits.put(stepId, value.getIntValue()));
        default -> p.skipChildren();
      }
    }
    return new Run(entry, enteredAt, step, stepEnteredAt, wakeAt, heldOut, variants, visits);
  }

  /** Reads one entry of a JSON object: its name, the parser at its value. */
  @FunctionalInterface
  private interface Entry {
    void read(String name, JsonParser value) throws IOException;
  }

  /** Hands each entry of the object the parser is at to {@code entry}. */
  private static void entries(JsonParser p, Entry entry) throws IOException {
    expect(p, JsonToken.START_OBJECT, p.currentToken());
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      entry.read(name, p);
    }
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    expect(p, token, p.nextToken());
  }

  private static void expect(JsonParser p, JsonToken token, JsonToken found) throws IOException {
    if (found != token) {
      throw new IOException(
          "expected " + token + " at " + p.currentLocation() + ", found " + found);
    }
  }
}
