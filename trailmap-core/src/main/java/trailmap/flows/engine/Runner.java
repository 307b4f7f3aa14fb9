package trailmap.flows.engine;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.Conditions;
import trailmap.events.JsonValue;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.Buckets;
import trailmap.flows.Condition;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Wait;
import trailmap.flows.policy.Candidate;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.SentMessage;
import trailmap.flows.policy.Verdict;
import trailmap.maps.Scalar;

/** Walks a profile through steps until it waits or leaves; one instance per handled input. */
final class Runner {
  /** Loops need a wait (checked on construction), but a wait until a past date does not hold. */
  private static final int MAX_STEPS_PER_INPUT = 1_000;

  private final Flow flow;
  private final MessagePolicy policy;
  private final long seed;
  private final ProfileContext profile;
  private final Instant now;
  private final List<Decision> out;
  private final List<SentMessage> history;
  private JsonValue.Obj traits;
  private int steps;

  Runner(
      Flow flow,
      MessagePolicy policy,
      long seed,
      ProfileContext profile,
      Instant now,
      List<Decision> out) {
    this.flow = flow;
    this.policy = policy;
    this.seed = seed;
    this.profile = profile;
    this.now = now;
    this.out = out;
    this.history = new ArrayList<>(profile.history());
    this.traits = profile.traits();
  }

  /** The profile arrives at a step and goes on as far as it can. */
  FlowState enter(FlowState state, Run run, String stepId) {
    String current = stepId;
    Run walking = run;
    while (true) {
      if (++steps > MAX_STEPS_PER_INPUT) {
        out.add(
            new Decision.Left(
                Outcome.EXITED,
                current,
                "exited: %d steps without waiting at step '%s'; a wait until a past date cannot hold a loop"
                    .formatted(MAX_STEPS_PER_INPUT, current)));
        return state.left(Outcome.EXITED);
      }
      Step step = flow.step(current).orElseThrow();
      walking = walking.visiting(current).at(current, now, Optional.empty());
      out.add(Decision.StepReached.arrivedAt(current));
      Result result = execute(walking, step);
      walking = result.run();
      if (result.parked()) {
        return state.withRun(walking);
      }
      if (result.outcome().isPresent()) {
        return state.left(result.outcome().get());
      }
      if (result.next().isEmpty()) {
        out.add(
            new Decision.Left(
                Outcome.COMPLETED,
                current,
                "completed: the flow ends after step '" + current + "'"));
        return state.left(Outcome.COMPLETED);
      }
      current = result.next().get();
    }
  }

  /** The run's timer fired at its step. */
  FlowState resume(FlowState state, Run run, Step at) {
    return switch (at) {
      case Wait wait -> {
        if (wait.until() instanceof Wait.Until.Event until) {
          out.add(
              new Decision.StepReached(
                  wait.id(),
                  "wait '%s' for '%s' timed out after %s"
                      .formatted(wait.id(), until.match().event(), until.timeout())));
          yield continueWith(state, run, wait.id(), until.onTimeout());
        }
        yield continueWith(state, run, wait.id(), wait.next());
      }
      case Action action -> {
        Result result = execute(run, action);
        if (result.parked()) {
          yield state.withRun(result.run());
        }
        yield continueWith(state, result.run(), action.id(), result.next());
      }
      case Split split -> continueWith(state, run, split.id(), Optional.empty());
      case Goal goal -> continueWith(state, run, goal.id(), Optional.empty());
    };
  }

  /** The profile leaves {@code from} towards {@code next}, or completes the flow. */
  FlowState continueWith(FlowState state, Run run, String from, Optional<String> next) {
    if (next.isEmpty()) {
      out.add(
          new Decision.Left(
              Outcome.COMPLETED, from, "completed: the flow ends after step '" + from + "'"));
      return state.left(Outcome.COMPLETED);
    }
    return enter(state, run.at(from, now, Optional.empty()), next.get());
  }

  private record Result(Run run, Optional<String> next, boolean parked, Optional<Outcome> outcome) {
    static Result go(Run run, Optional<String> next) {
      return new Result(run, next, false, Optional.empty());
    }
  }

  private Result execute(Run run, Step step) {
    return switch (step) {
      case Wait wait -> waitAt(run, wait);
      case Split split -> split(run, split);
      case Action action -> act(run, action);
      case Goal goal -> {
        out.add(
            new Decision.Left(
                Outcome.CONVERTED, goal.id(), "converted: reached goal step '" + goal.id() + "'"));
        yield new Result(run, Optional.empty(), false, Optional.of(Outcome.CONVERTED));
      }
    };
  }

  private Result waitAt(Run run, Wait wait) {
    Instant wake =
        switch (wait.until()) {
          case Wait.Until.Elapsed e -> now.plus(e.duration());
          case Wait.Until.TimeOfDay t -> {
            ZonedDateTime local = now.atZone(profile.zone());
            ZonedDateTime today =
                ZonedDateTime.ofLocal(local.toLocalDate().atTime(t.time()), profile.zone(), null);
            yield today.toInstant().isAfter(now)
                ? today.toInstant()
                : ZonedDateTime.ofLocal(
                        local.toLocalDate().plusDays(1).atTime(t.time()), profile.zone(), null)
                    .toInstant();
          }
          case Wait.Until.Date d ->
              ZonedDateTime.ofLocal(d.date().atTime(d.time()), profile.zone(), null).toInstant();
          case Wait.Until.Event e -> now.plus(e.timeout());
        };
    if (!wake.isAfter(now)) {
      out.add(
          new Decision.StepReached(
              wait.id(), "wait '%s' is already over (%s passed)".formatted(wait.id(), wake)));
      return Result.go(run, wait.next());
    }
    return new Result(
        run.at(wait.id(), now, Optional.of(wake)), Optional.empty(), true, Optional.empty());
  }

  private Result split(Run run, Split split) {
    return switch (split.rule()) {
      case Split.ByCondition byCondition -> {
        for (int i = 0; i < byCondition.branches().size(); i++) {
          Split.Branch branch = byCondition.branches().get(i);
          if (holds(branch.condition(), run)) {
            out.add(
                new Decision.StepReached(
                    split.id(), "split '" + split.id() + "': branch " + (i + 1) + " holds"));
            yield Result.go(run, branch.next());
          }
        }
        out.add(
            new Decision.StepReached(
                split.id(), "split '" + split.id() + "': no branch holds, otherwise"));
        yield Result.go(run, byCondition.otherwise());
      }
      case Split.Random random -> {
        String who = profile.profile().value();
        double pick =
            Buckets.unit(seed, "split", flow.id(), split.id(), who) * random.totalWeight();
        Split.Variant chosen = random.variants().getLast();
        double sum = 0;
        for (Split.Variant variant : random.variants()) {
          sum += variant.weight();
          if (pick < sum) {
            chosen = variant;
            break;
          }
        }
        boolean heldOut =
            random.holdout() > 0
                && Buckets.unit(seed, "split-holdout", flow.id(), split.id(), who)
                    < random.holdout();
        out.add(
            new Decision.Assigned(
                split.id(),
                chosen.name(),
                heldOut,
                "split '%s': variant '%s' (weight %d of %d)%s"
                    .formatted(
                        split.id(),
                        chosen.name(),
                        chosen.weight(),
                        random.totalWeight(),
                        heldOut ? ", held out: no messages" : "")));
        yield Result.go(run.assigned(split.id(), chosen.name(), heldOut), chosen.next());
      }
    };
  }

  private boolean holds(Condition condition, Run run) {
    return switch (condition) {
      case Condition.Traits t -> Conditions.all(t.traits(), traits);
      case Condition.Not not -> !holds(not.condition(), run);
      case Condition.Did did -> {
        Instant since = did.within().map(now::minus).orElse(run.enteredAt());
        long count = 0;
        for (FlowEvent event : profile.events()) {
          if (!event.timestamp().isBefore(since)
              && !event.timestamp().isAfter(now)
              && did.match().matches(event)) {
            count++;
          }
        }
        yield count >= did.atLeast();
      }
    };
  }

  private Result act(Run run, Action action) {
    int visit = run.visitsOf(action.id());
    String outboxId =
        visit <= 1
            ? Buckets.id(
                flow.id(),
                String.valueOf(flow.version()),
                profile.profile().value(),
                action.id(),
                String.valueOf(run.entry()))
            : Buckets.id(
                flow.id(),
                String.valueOf(flow.version()),
                profile.profile().value(),
                action.id(),
                String.valueOf(run.entry()),
                String.valueOf(visit));
    switch (action.act()) {
      case Message message -> {
        Verdict verdict =
            policy.decide(
                new Candidate(
                    flow.id(),
                    flow.priority(),
                    message.channel(),
                    message.topic(),
                    now,
                    run.heldOut(),
                    flow.quietHours()),
                profile.recipient(history));
        switch (verdict) {
          case Verdict.Send send -> {
            Optional<String> address = address(message.toTrait());
            if (address.isEmpty()) {
              out.add(
                  new Decision.Suppressed(
                      outboxId,
                      action.id(),
                      Verdict.Cause.NO_ADDRESS,
                      "suppressed: the profile has no '%s' trait to send %s to"
                          .formatted(message.toTrait(), message.channel())));
            } else {
              history.add(new SentMessage(now, message.channel(), flow.id()));
              out.add(
                  new Decision.Send(outboxId, action.id(), message, address.get(), send.reason()));
            }
          }
          case Verdict.Defer defer -> {
            out.add(new Decision.Deferred(outboxId, action.id(), defer.until(), defer.reason()));
            return new Result(
                run.at(action.id(), now, Optional.of(defer.until())),
                Optional.empty(),
                true,
                Optional.empty());
          }
          case Verdict.Suppress suppress ->
              out.add(
                  new Decision.Suppressed(
                      outboxId, action.id(), suppress.cause(), suppress.reason()));
        }
      }
      case Act.Webhook webhook ->
          out.add(
              new Decision.CallWebhook(
                  outboxId,
                  action.id(),
                  webhook,
                  "calls " + webhook.method() + " " + webhook.url()));
      case Act.UpdateTrait update -> {
        Map<String, JsonValue> fields = new LinkedHashMap<>(traits.fields());
        fields.put(update.trait(), json(update.value()));
        traits = new JsonValue.Obj(fields);
        out.add(
            new Decision.SetTrait(
                update.trait(),
                update.value(),
                "sets trait '%s' to %s".formatted(update.trait(), update.value().raw())));
      }
      case Act.Segment segment ->
          out.add(
              new Decision.SegmentChange(
                  segment.segmentId(),
                  segment.add(),
                  (segment.add() ? "adds to" : "removes from")
                      + " segment '"
                      + segment.segmentId()
                      + "'"));
    }
    return Result.go(run, action.next());
  }

  private Optional<String> address(String trait) {
    return traits
        .at(trait)
        .flatMap(
            v ->
                v instanceof JsonValue.Str s && !s.value().isBlank()
                    ? Optional.of(s.value())
                    : Optional.empty());
  }

  private static JsonValue json(Scalar value) {
    return switch (value) {
      case Scalar.Text t -> new JsonValue.Str(t.value());
      case Scalar.Number n -> new JsonValue.Num(n.value());
      case Scalar.Bool b -> new JsonValue.Bool(b.value());
    };
  }
}
