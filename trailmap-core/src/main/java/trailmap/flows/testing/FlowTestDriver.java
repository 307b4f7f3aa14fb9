package trailmap.flows.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.events.JsonValue;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.engine.Decision;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowEngine;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Input;
import trailmap.flows.engine.ProfileContext;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.PendingMessage;
import trailmap.flows.policy.SentMessage;
import trailmap.maps.Scalar;
import trailmap.profiles.ProfileId;

/**
 * Runs flows for profiles on a fake clock and records every decision, the way the runtime would
 * carry them out: sends go to the history that caps count, trait updates change the traits, segment
 * additions trigger segment flows, and timers fire in due order as time advances.
 *
 * <pre>{@code
 * FlowTestDriver driver = new FlowTestDriver(List.of(welcome), MessagePolicy.PERMISSIVE, 42,
 *     Instant.parse("2025-03-10T09:00:00Z"));
 * driver.identify("ada", Map.of("email", "ada@example.com"));
 * driver.track("ada", "Trial Started");
 * driver.advance(Duration.ofDays(2));
 * assertThat(driver.sent("ada")).hasSize(2);
 * }</pre>
 *
 * <p>A decision to send an outbox id that was already sent fails the driver with an {@link
 * AssertionError}: the engine must never decide a message twice. Not thread-safe.
 */
public final class FlowTestDriver {
  private final Map<String, FlowEngine> engines = new LinkedHashMap<>();
  private final FakeClock clock;
  private final Map<ProfileId, Profile> profiles = new LinkedHashMap<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final Set<String> sentOutboxIds = new HashSet<>();

  private static final class Profile {
    final ProfileId id;
    JsonValue.Obj traits = JsonValue.Obj.EMPTY;
    ZoneId zone = ZoneOffset.UTC;
    Consent consent = Consent.DEFAULT;
    final List<FlowEvent> events = new ArrayList<>();
    final List<SentMessage> history = new ArrayList<>();
    final Map<String, FlowState> states = new HashMap<>();
    final Set<String> segments = new HashSet<>();

    Profile(ProfileId id) {
      this.id = id;
    }
  }

  public FlowTestDriver(List<Flow> flows, MessagePolicy policy, long seed, Instant start) {
    for (Flow flow : flows) {
      if (engines.put(flow.id(), new FlowEngine(flow, policy, seed)) != null) {
        throw new IllegalArgumentException("flow '" + flow.id() + "' given twice");
      }
    }
    this.clock = new FakeClock(start);
  }

  public FakeClock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Merges traits into the profile (texts, numbers, booleans, null removes). */
  public void identify(String profile, Map<String, ?> traits) {
    Profile p = profile(profile);
    Map<String, JsonValue> merged = new LinkedHashMap<>(p.traits.fields());
    traits.forEach(
        (k, v) -> {
          if (v == null) {
            merged.remove(k);
          } else {
            merged.put(k, json(v));
          }
        });
    p.traits = new JsonValue.Obj(merged);
    dispatch(p, new Input.TraitsChanged());
  }

  public void zone(String profile, ZoneId zone) {
    profile(profile).zone = zone;
  }

  public void consent(String profile, Consent consent) {
    profile(profile).consent = consent;
  }

  public void track(String profile, String event) {
    track(profile, event, Map.of());
  }

  /** An event of the profile at the current time, handed to every flow. */
  public void track(String profile, String event, Map<String, ?> properties) {
    Map<String, JsonValue> props = new LinkedHashMap<>();
    properties.forEach((k, v) -> props.put(k, json(v)));
    FlowEvent flowEvent = new FlowEvent(event, now(), new JsonValue.Obj(props));
    Profile p = profile(profile);
    p.events.add(flowEvent);
    dispatch(p, new Input.EventArrived(flowEvent));
  }

  /** Any other input (touchpoint, stage, segment, schedule, API) to every flow. */
  public void input(String profile, Input input) {
    dispatch(profile(profile), input);
  }

  /** Moves the clock forward, firing every timer that falls due on the way at its due time. */
  public void advance(Duration by) {
    advanceTo(now().plus(by));
  }

  public void advanceTo(Instant target) {
    while (true) {
      Optional<Map.Entry<Profile, FlowState>> next = nextTimer(target);
      if (next.isEmpty()) {
        break;
      }
      Instant due = next.get().getValue().wakeAt().orElseThrow();
      clock.set(due);
      handle(next.get().getKey(), next.get().getValue().flowId(), new Input.TimerFired(due));
    }
    clock.set(target);
  }

  /** Fires a profile's timer in a flow again, as a crashed runtime might. */
  public void refire(String profile, String flowId, Instant due) {
    handle(profile(profile), flowId, new Input.TimerFired(due));
  }

  public List<Recorded> recorded() {
    return List.copyOf(recorded);
  }

  public List<Decision> decisions(String profile) {
    ProfileId id = new ProfileId(profile);
    return recorded.stream().filter(r -> r.profile().equals(id)).map(Recorded::decision).toList();
  }

  public <D extends Decision> List<D> decisions(String profile, Class<D> kind) {
    return decisions(profile).stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  public List<Decision.Send> sent(String profile) {
    return decisions(profile, Decision.Send.class);
  }

  /** The profile's timeline: one line per decision, with time and flow. */
  public List<String> timeline(String profile) {
    ProfileId id = new ProfileId(profile);
    return recorded.stream().filter(r -> r.profile().equals(id)).map(Recorded::toString).toList();
  }

  public Optional<FlowState> state(String profile, String flowId) {
    return Optional.ofNullable(profile(profile).states.get(flowId));
  }

  public JsonValue.Obj traits(String profile) {
    return profile(profile).traits;
  }

  public Set<String> segments(String profile) {
    return Set.copyOf(profile(profile).segments);
  }

  private Profile profile(String id) {
    return profiles.computeIfAbsent(new ProfileId(id), Profile::new);
  }

  private Optional<Map.Entry<Profile, FlowState>> nextTimer(Instant target) {
    Map.Entry<Profile, FlowState> best = null;
    for (Profile p : profiles.values()) {
      for (FlowState s : p.states.values()) {
        Optional<Instant> wake = s.wakeAt();
        if (wake.isPresent()
            && !wake.get().isAfter(target)
            && (best == null || wake.get().isBefore(best.getValue().wakeAt().orElseThrow()))) {
          best = Map.entry(p, s);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private void dispatch(Profile p, Input input) {
    Deque<Input> queue = new ArrayDeque<>();
    queue.add(input);
    while (!queue.isEmpty()) {
      Input next = queue.poll();
      for (String flowId : engines.keySet()) {
        queue.addAll(handle(p, flowId, next));
      }
    }
  }

  /** Handles one input in one flow; returns the inputs its decisions cause (segment joins). */
  private List<Input> handle(Profile p, String flowId, Input input) {
    FlowEngine engine = engines.get(flowId);
    FlowState state =
        p.states.getOrDefault(flowId, FlowState.none(p.id, flowId, engine.flow().version()));
    List<PendingMessage> pending = new ArrayList<>();
    p.states.forEach(
        (otherFlow, otherState) -> {
          if (!otherFlow.equals(flowId)) {
            engines.get(otherFlow).pending(otherState).ifPresent(pending::add);
          }
        });
    ProfileContext context =
        new ProfileContext(p.id, p.traits, p.zone, p.consent, p.events, p.history, pending);
    Decisions decisions = engine.handle(state, context, input, now());
    p.states.put(flowId, decisions.state());
    List<Input> caused = new ArrayList<>();
    for (Decision decision : decisions.decisions()) {
      recorded.add(new Recorded(now(), p.id, flowId, decision));
      switch (decision) {
        case Decision.Send send -> {
          if (!sentOutboxIds.add(send.outboxId())) {
            throw new AssertionError("outbox id " + send.outboxId() + " decided twice: " + send);
          }
          p.history.add(new SentMessage(now(), send.message().channel(), flowId));
        }
        case Decision.SetTrait set -> {
          Map<String, JsonValue> merged = new LinkedHashMap<>(p.traits.fields());
          merged.put(set.trait(), json(set.value().raw()));
          p.traits = new JsonValue.Obj(merged);
        }
        case Decision.SegmentChange change -> {
          if (change.add() && p.segments.add(change.segmentId())) {
            caused.add(new Input.SegmentEntered(change.segmentId()));
          } else if (!change.add()) {
            p.segments.remove(change.segmentId());
          }
        }
        default -> {}
      }
    }
    return caused;
  }

  private static JsonValue json(Object value) {
    return switch (value) {
      case String s -> new JsonValue.Str(s);
      case Boolean b -> new JsonValue.Bool(b);
      case Number n -> new JsonValue.Num(n.doubleValue());
      case Scalar s -> json(s.raw());
      default ->
          throw new IllegalArgumentException(
              "trait and property values are texts, numbers or booleans, was " + value.getClass());
    };
  }
}
