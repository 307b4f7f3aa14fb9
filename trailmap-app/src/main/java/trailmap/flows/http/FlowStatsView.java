package trailmap.flows.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trailmap.analytics.stats.Comparison;
import trailmap.analytics.stats.TwoSample;
import trailmap.flows.Step;
import trailmap.flows.runtime.FlowStats;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowSummary;

/**
 * The answer of {@code GET /api/flows/{id}/stats}: entries, profiles waiting per step, messages
 * sent / delivered / failed (from the outbox), suppressions by cause, how runs ended, and goal
 * conversion outside the holdout against inside it, with the difference's 95% interval (Newcombe's
 * hybrid score) and a two-proportion z-test (Fisher's exact test when a cell is small). Numbers
 * that are not defined (no holdout yet) are {@code null}.
 */
final class FlowStatsView {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowStatsView() {}

  /**
   * @param warnings what keeps the flow from running as published (e.g. its trigger's map was
   *     deleted), each a sentence; answered as {@code warnings}, empty when there is none
   */
  static ObjectNode of(FlowStore store, FlowSummary flow, List<String> warnings) {
    FlowStats s = store.stats(flow.id());
    ObjectNode out = MAPPER.createObjectNode();
    out.put("flow", flow.id()).put("status", flow.status().wireName());
    flow.currentVersion().ifPresent(v -> out.put("currentVersion", v));
    ArrayNode warned = out.putArray("warnings");
    warnings.forEach(warned::add);
    out.putObject("entered")
        .put("entries", s.entries())
        .put("profiles", s.profiles())
        .put("heldOut", s.heldOutProfiles());

    long[] totals = new long[5];
    long waiting = 0;
    ArrayNode steps = out.putArray("steps");
    for (String id : stepOrder(store, flow, s)) {
      FlowStats.Step step = s.steps().getOrDefault(id, new FlowStats.Step(0, Map.of(), Map.of()));
      long[] m = messages(step.outbox());
      for (int i = 0; i < m.length; i++) {
        totals[i] += m[i];
      }
      waiting += step.waiting();
      ObjectNode n = steps.addObject().put("id", id).put("waiting", step.waiting());
      putMessages(n, m);
      ObjectNode suppressed = n.putObject("suppressed");
      step.suppressed().forEach(suppressed::put);
    }
    out.put("waiting", waiting);
    putMessages(out.putObject("messages"), totals);

    ObjectNode suppressed = out.putObject("suppressed");
    suppressed.put("total", s.suppressions().stream().mapToLong(x -> x.count()).sum());
    ArrayNode byCause = suppressed.putArray("byCause");
    s.suppressions()
        .forEach(
            x ->
                byCause
                    .addObject()
                    .put("cause", x.cause())
                    .put("count", x.count())
                    .put("example", x.example()));

    ObjectNode ended = out.putObject("ended");
    for (String outcome : new String[] {"converted", "exited", "completed"}) {
      ended.put(outcome, s.ended().getOrDefault(outcome, 0L));
    }
    out.set("conversion", conversion(s));
    return out;
  }

  /** The current (else newest) version's steps in document order, then any others with data. */
  private static Set<String> stepOrder(FlowStore store, FlowSummary flow, FlowStats s) {
    Set<String> order = new LinkedHashSet<>();
    int version = flow.currentVersion().orElse(flow.latestVersion());
    for (Step step : store.load(flow.id(), version).steps()) {
      order.add(step.id());
    }
    order.addAll(s.steps().keySet());
    return order;
  }

  /** {sent, delivered, pending, retrying, failed} from outbox statuses. */
  private static long[] messages(Map<String, Long> outbox) {
    long pending = outbox.getOrDefault("pending", 0L);
    long delivered = outbox.getOrDefault("sent", 0L);
    long retrying = outbox.getOrDefault("failed", 0L);
    long failed = outbox.getOrDefault("dead", 0L);
    return new long[] {
      pending + delivered + retrying + failed, delivered, pending, retrying, failed
    };
  }

  private static void putMessages(ObjectNode n, long[] m) {
    n.put("sent", m[0])
        .put("delivered", m[1])
        .put("pending", m[2])
        .put("retrying", m[3])
        .put("failed", m[4]);
  }

  private static ObjectNode conversion(FlowStats s) {
    ObjectNode c = MAPPER.createObjectNode();
    group(c.putObject("treatment"), s.treatment());
    group(c.putObject("holdout"), s.holdout());
    Comparison cmp =
        TwoSample.proportions(
            s.treatment().converted(),
            s.treatment().profiles(),
            s.holdout().converted(),
            s.holdout().profiles());
    ObjectNode lift = c.putObject("difference");
    number(lift, "estimate", cmp.difference());
    number(lift, "low", cmp.low());
    number(lift, "high", cmp.high());
    lift.put("level", 0.95).put("method", cmp.differenceMethod()).put("test", cmp.test());
    number(lift, "statistic", cmp.statistic());
    number(lift, "pValue", cmp.pValue());
    lift.put("significant", cmp.significant());
    if (s.holdout().profiles() == 0 || s.treatment().profiles() == 0) {
      lift.put(
          "note",
          s.holdout().profiles() == 0
              ? "no profile is in the holdout yet; give the flow a 'holdout' share (0..0.5) to"
                  + " measure its effect"
              : "every profile so far is in the holdout");
    }
    return c;
  }

  private static void group(ObjectNode n, FlowStats.Group g) {
    n.put("profiles", g.profiles()).put("converted", g.converted());
    number(n, "rate", g.profiles() == 0 ? Double.NaN : (double) g.converted() / g.profiles());
  }

  private static void number(ObjectNode n, String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }
}
