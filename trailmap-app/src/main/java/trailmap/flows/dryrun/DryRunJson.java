package trailmap.flows.dryrun;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.Verdict;
import trailmap.flows.runtime.FlowStore;

/**
 * Writes the dry-run answer document:
 *
 * <pre>{@code
 * {"flow": {"id", "version", "name"},
 *  "profiles": {"replayed": N, "entered": N},
 *  "entries": N, "notEntered": {"already-inside": N, "too-old": N, "no-reentry": N,
 *                               "minimum-gap": N, "audience": N, "exit-condition": N},
 *  "steps": [{"id", "kind", "profiles", "visits", "sent", "suppressed": N,
 *             "suppressedBy": {"consent": N, …}, "deferred", "webhooks", "waiting"}, …],
 *  "messages": {"sent": N, "suppressed": N, "suppressedBy": {…}, "deferred": N},
 *  "outcomes": {"converted": N, "convertedByGoal": {"subscribed": N}, "exited": N,
 *               "exitedBy": {"event 'Account Deleted'": N, …}, "completed": N, "waiting": N},
 *  "holdout": {"treatment": {"entries", "converted", "conversion"}, "holdout": {…}},
 *  "warnings": ["…"],
 *  "counted": {"simulated": "…", "from", "to", "fromDefaulted", "toDefaulted", "events",
 *              "timersFired", "scheduleFirings", "segmentEntries", "apiCalls", "sent": "nothing", "seed",
 *              "policy": {"from", "caps", "quietHours", "optIn", "globalHoldout"}, "rules": ["…"]}}
 * }</pre>
 *
 * Causes are written lower-case with dashes ({@code no-address}, {@code flow-holdout}, {@code
 * frequency-cap}, …); a conversion is null where there are no entries.
 */
public final class DryRunJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What a dry run does and assumes, stated in every answer. */
  static final List<String> RULES =
      List.of(
          "each profile is replayed on its own through the pure flow engine, as the live runtime"
              + " would drive it: its events in [from, to) in time order; its timer fires at its due"
              + " time, before an event at the same instant; a timer due at or after 'to' does not",
          "a run still inside at 'to' (waiting, or holding a deferred message) counts as waiting;"
              + " entries = converted + exited + completed + waiting",
          "events before 'from' are not replayed but count for 'did' conditions",
          "traits are the profile's current traits throughout (the data holds no trait history);"
              + " the time zone is the 'timezone' trait, else UTC; consent is the default (nothing"
              + " unsubscribed)",
          "frequency caps count this flow's own simulated messages only: other flows' sends are"
              + " not simulated",
          "holdouts and split variants are the engine's seeded hashes, the same as live");

  /** How a schedule trigger is replayed, stated in the answers of schedule flows. */
  static final String SCHEDULE_RULE =
      "the schedule fires for each profile at the cron's times in [from, to) in the profile's own"
          + " time zone, as live, but only after its first stored event (live, a profile gets its"
          + " first firing when it is first seen); at one instant the profile's timer fires first,"
          + " then the schedule, then an event";

  /** How a segment trigger is replayed, stated in the answers of segment flows. */
  static final String SEGMENT_RULE =
      "the segment's recorded entries in [from, to) start the flow, each at the time it was"
          + " recorded (when the live runtime would have started it), among the profile's events and"
          + " timers: at one instant the timer fires first, then the event, then the entry; entries"
          + " made by flows' addToSegment are among them, so the flow's own simulated additions are"
          + " not fed back to its trigger";

  /** How an api trigger is replayed, stated in the answers of api flows. */
  static final String API_RULE =
      "the flow's logged calls of POST /api/flows/{id}/trigger in [from, to) start it, each at the"
          + " time it was made, among the profile's events and timers: at one instant the timer"
          + " fires first, then the event, then the call; calls are logged under the flow's id and"
          + " kept "
          + FlowStore.API_CALL_HISTORY.toDays()
          + " days";

  private DryRunJson() {}

  public static ObjectNode write(
      Flow flow,
      DryRunResult result,
      List<String> warnings,
      DryRunRules rules,
      long seed,
      boolean fromDefaulted,
      boolean toDefaulted) {
    ObjectNode out = JSON.objectNode();
    ObjectNode about = out.putObject("flow");
    about.put("id", flow.id());
    about.put("version", flow.version());
    about.put("name", flow.name());
    ObjectNode profiles = out.putObject("profiles");
    profiles.put("replayed", result.profiles());
    profiles.put("entered", result.profilesEntered());
    out.put("entries", result.entries());
    out.set("notEntered", counts(result.notEntered()));
    ArrayNode steps = out.putArray("steps");
    for (StepFigures step : result.steps()) {
      ObjectNode one = steps.addObject();
      one.put("id", step.stepId());
      one.put("kind", step.kind());
      one.put("profiles", step.profiles());
      one.put("visits", step.visits());
      one.put("sent", step.sent());
      one.put("suppressed", step.suppressedTotal());
      one.set("suppressedBy", causes(step.suppressed()));
      one.put("deferred", step.deferred());
      one.put("webhooks", step.webhooks());
      one.put("waiting", step.waiting());
    }
    ObjectNode messages = out.putObject("messages");
    messages.put("sent", result.sent());
    messages.put("suppressed", result.suppressed());
    StepFigures all =
        result.steps().stream()
            .map(s -> new StepFigures("all", "all", 0, 0, 0, s.suppressed(), 0, 0, 0))
            .reduce(StepFigures::plus)
            .orElse(new StepFigures("all", "all", 0, 0, 0, Map.of(), 0, 0, 0));
    messages.set("suppressedBy", causes(all.suppressed()));
    messages.put("deferred", result.deferred());
    ObjectNode outcomes = out.putObject("outcomes");
    outcomes.put("converted", result.converted());
    outcomes.set("convertedByGoal", counts(result.convertedByGoal()));
    outcomes.put("exited", result.exited());
    outcomes.set("exitedBy", counts(result.exitedBy()));
    outcomes.put("completed", result.completed());
    outcomes.put("waiting", result.waiting());
    ObjectNode holdout = out.putObject("holdout");
    holdout.set("treatment", group(result.treatment()));
    holdout.set("holdout", group(result.holdout()));
    ArrayNode warned = out.putArray("warnings");
    warnings.forEach(warned::add);
    out.set("counted", counted(result, rules, seed, fromDefaulted, toDefaulted, flow.trigger()));
    return out;
  }

  private static ObjectNode counted(
      DryRunResult result,
      DryRunRules rules,
      long seed,
      boolean fromDefaulted,
      boolean toDefaulted,
      Trigger trigger) {
    ObjectNode counted = JSON.objectNode();
    String firings =
        switch (trigger) {
          case Trigger.Schedule s -> " and the schedule's firings";
          case Trigger.SegmentEntered s ->
              " and the recorded entries of segment '" + s.segmentId() + "'";
          case Trigger.Api a -> " and the flow's logged API calls";
          default -> "";
        };
    counted.put(
        "simulated",
        "stored events%s replayed through flow '%s' v%d on simulated time, profile by profile"
            .formatted(firings, result.flowId(), result.version()));
    counted.put("from", result.from().toString());
    counted.put("to", result.to().toString());
    counted.put("fromDefaulted", fromDefaulted);
    counted.put("toDefaulted", toDefaulted);
    counted.put("profiles", result.profiles());
    counted.put("events", result.events());
    counted.put("timersFired", result.timersFired());
    counted.put("scheduleFirings", result.scheduleFirings());
    counted.put("segmentEntries", result.segmentEntries());
    counted.put("apiCalls", result.apiCalls());
    counted.put(
        "sent",
        "nothing: no email, SMS, push or webhook left the process and no trait or segment was"
            + " written; 'sent' counts what would have been handed to the provider");
    counted.put("seed", seed);
    MessagePolicy policy = rules.policy();
    ObjectNode p = counted.putObject("policy");
    p.put("from", rules.from());
    ArrayNode caps = p.putArray("caps");
    policy.caps().stream().map(FrequencyCap::label).forEach(caps::add);
    policy
        .quietHours()
        .ifPresentOrElse(
            q -> p.put("quietHours", q.start() + "-" + q.end()), () -> p.putNull("quietHours"));
    ArrayNode optIn = p.putArray("optIn");
    new java.util.TreeSet<>(policy.optInChannels()).forEach(optIn::add);
    p.put("globalHoldout", policy.globalHoldout());
    ArrayNode stated = counted.putArray("rules");
    RULES.forEach(stated::add);
    switch (trigger) {
      case Trigger.Schedule s -> stated.add(SCHEDULE_RULE);
      case Trigger.SegmentEntered s -> stated.add(SEGMENT_RULE);
      case Trigger.Api a -> stated.add(API_RULE);
      default -> {}
    }
    if (!policy.optInChannels().isEmpty()) {
      stated.add(
          "opt-in channels ("
              + String.join(", ", new java.util.TreeSet<>(policy.optInChannels()))
              + ") count as not subscribed: subscriptions are not in the event table, so every"
              + " message on them is suppressed for consent");
    }
    return counted;
  }

  private static ObjectNode counts(Map<String, Long> counts) {
    ObjectNode out = JSON.objectNode();
    counts.forEach(out::put);
    return out;
  }

  private static ObjectNode causes(Map<Verdict.Cause, Long> counts) {
    ObjectNode out = JSON.objectNode();
    for (Verdict.Cause cause : Verdict.Cause.values()) {
      Long n = counts.get(cause);
      if (n != null && n > 0) {
        out.put(wireName(cause), n);
      }
    }
    return out;
  }

  static String wireName(Verdict.Cause cause) {
    return cause.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static ObjectNode group(HoldoutGroup group) {
    ObjectNode out = JSON.objectNode();
    out.put("entries", group.entries());
    out.put("converted", group.converted());
    OptionalDouble conversion = group.conversion();
    if (conversion.isPresent()) {
      out.put("conversion", conversion.getAsDouble());
    } else {
      out.putNull("conversion");
    }
    return out;
  }
}
