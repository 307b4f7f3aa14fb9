package trailmap.flows.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import trailmap.events.json.IsoInstants;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/** A {@link FlowState} as the JSON text kept in {@code flow_state.state}; lossless both ways. */
final class StateCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StateCodec() {}

  static String write(FlowState s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("version", s.version()).put("entries", s.entries());
    s.lastEnteredAt().ifPresent(t -> n.put("lastEnteredAt", t.toString()));
    s.lastOutcome().ifPresent(o -> n.put("lastOutcome", o.name()));
    s.run()
        .ifPresent(
            r -> {
              ObjectNode run = n.putObject("run");
              run.put("entry", r.entry())
                  .put("enteredAt", r.enteredAt().toString())
                  .put("step", r.step())
                  .put("stepEnteredAt", r.stepEnteredAt().toString())
                  .put("heldOut", r.heldOut());
              r.wakeAt().ifPresent(w -> run.put("wakeAt", w.toString()));
              ObjectNode variants = run.putObject("variants");
              r.variants().forEach(variants::put);
              ObjectNode visits = run.putObject("visits");
              r.visits().forEach(visits::put);
            });
    return n.toString();
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
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("flow state of " + profile + " in " + flowId + " is damaged");
    }
    Optional<Run> run = Optional.empty();
    JsonNode r = n.get("run");
    if (r != null) {
      Map<String, String> variants = new HashMap<>();
      r.get("variants").properties().forEach(e -> variants.put(e.getKey(), e.getValue().asText()));
      Map<String, Integer> visits = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = r.get("visits").properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        visits.put(e.getKey(), e.getValue().asInt());
      }
      run =
          Optional.of(
              new Run(
                  r.get("entry").asInt(),
                  instant(r.get("enteredAt").asText()),
                  r.get("step").asText(),
                  instant(r.get("stepEnteredAt").asText()),
                  Optional.ofNullable(r.get("wakeAt")).map(w -> instant(w.asText())),
                  r.get("heldOut").asBoolean(),
                  variants,
                  visits));
    }
    return new FlowState(
        profile,
        flowId,
        n.get("version").asInt(),
        n.get("entries").asInt(),
        Optional.ofNullable(n.get("lastEnteredAt")).map(t -> instant(t.asText())),
        run,
        Optional.ofNullable(n.get("lastOutcome")).map(o -> Outcome.valueOf(o.asText())));
  }
}
