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
 * StateCodecPropertiesTest}). Written by hand, or with Jackson's streaming API for text that needs
 * escapes (building and walking a tree of nodes for it was a tenth of the flow thread's time for an
 * event); read by {@link StateScanner} when it is exactly what {@link #write} writes, else with
 * Jackson.
 */
final class StateCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private StateCodec() {}

  /**
   * The state's JSON text: written by hand when no text in it needs an escape (step, split and
   * variant names are flow ids, so nearly always), byte for byte what Jackson writes ({@code
   * StateCodecPropertiesTest}); else by Jackson. Jackson's generator was a tenth of the flow
   * thread's Java samples for an event (trailmap-bench/README.md, session 16).
   */
  static String write(FlowState s) {
    Optional<Run> run = s.run();
    if (run.isPresent() && !plain(run.get())) {
      return jacksonWrite(s);
    }
    StringBuilder out = new StringBuilder(192);
    out.append("{\"version\":").append(s.version()).append(",\"entries\":").append(s.entries());
    s.lastEnteredAt().ifPresent(t -> field(out, ",\"lastEnteredAt\":", t.toString()));
    s.lastOutcome().ifPresent(o -> field(out, ",\"lastOutcome\":", o.name()));
    if (run.isPresent()) {
      Run r = run.get();
      out.append(",\"run\":{\"entry\":").append(r.entry());
      field(out, ",\"enteredAt\":", r.enteredAt().toString());
      field(out, ",\"step\":", r.step());
      field(out, ",\"stepEnteredAt\":", r.stepEnteredAt().toString());
      out.append(",\"heldOut\":").append(r.heldOut());
      r.wakeAt().ifPresent(t -> field(out, ",\"wakeAt\":", t.toString()));
      out.append(",\"variants\":{");
      String comma = "";
      for (Map.Entry<String, String> v : r.variants().entrySet()) {
        field(out.append(comma), "\"" + v.getKey() + "\":", v.getValue());
        comma = ",";
      }
      out.append("},\"visits\":{");
      comma = "";
      for (Map.Entry<String, Integer> v : r.visits().entrySet()) {
        out.append(comma).append('"').append(v.getKey()).append("\":").append(v.getValue());
        comma = ",";
      }
      out.append("}}");
    }
    return out.append('}').toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append('"').append(value).append('"');
  }

  /** Whether every text of the run is written as it is (times and outcome names always are). */
  private static boolean plain(Run r) {
    if (!plain(r.step())) {
      return false;
    }
    for (Map.Entry<String, String> v : r.variants().entrySet()) {
      if (!plain(v.getKey()) || !plain(v.getValue())) {
        return false;
      }
    }
    for (String step : r.visits().keySet()) {
      if (!plain(step)) {
        return false;
      }
    }
    return true;
  }

  /** No character Jackson escapes: a quote, a backslash or a control character. */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x20 || ch == '"' || ch == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@link #write} with Jackson's generator, field by field: for any text. */
  static String jacksonWrite(FlowState s) {
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
