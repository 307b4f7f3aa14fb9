package trailmap.flows.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import trailmap.events.JsonValue;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowEngine;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Input;
import trailmap.flows.engine.ProfileContext;
import trailmap.flows.policy.Consent;
import trailmap.profiles.ProfileId;

/**
 * Benchmark machinery (trailmap-bench, in the runtime's package to reach its writer): enters
 * profiles into a published flow as the runtime does for a trigger event, and writes the engine's
 * decisions with the runtime's own {@link DecisionWriter} (state, timer, outbox row rendered from
 * the template, send history, timeline lines), many profiles per transaction. What it leaves out is
 * the runtime's reading: identity resolution, the profile's traits and events, consent and send
 * history from the stores. The states it writes are held in memory as the runtime's are ({@link
 * FlowStore#changing}). It exists so a benchmark can fill flows.db with a million waiting profiles
 * in about a minute, where the full path takes several (see trailmap-bench/README.md).
 */
public final class EntrySeeder {
  private final FlowStore store;
  private final Flow flow;
  private final FlowEngine engine;
  private final DecisionWriter writer;

  /** For the current version of a published flow, with the engine's seed the runtime uses. */
  public EntrySeeder(FlowStore store, String flowId, FlowSettings settings) {
    this.store = store;
    int version =
        store.published().stream()
            .filter(row -> row[0].equals(flowId))
            .map(row -> Integer.parseInt(row[1]))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("flow '" + flowId + "' is not published"));
    this.flow = store.load(flowId, version);
    long seed = Long.parseUnsignedLong(store.secret("seed").substring(0, 16), 16);
    this.engine = new FlowEngine(flow, settings.policy(), seed);
    this.writer =
        new DecisionWriter(
            settings, store.unsubscribeTokens(), SegmentLink.NONE, store.templateBodies());
  }

  /** One profile entering: its id in the profile store, its traits and when it enters. */
  public record Entry(ProfileId id, JsonValue.Obj traits, Instant at) {}

  /** Each profile receives the trigger event {@code event} at its time, all in one transaction. */
  public void enter(List<Entry> entries, String event) {
    RoundChanges counts = new RoundChanges();
    store.changing(
        counts,
        c -> {
          for (Entry e : entries) {
            FlowEvent trigger = new FlowEvent(event, e.at(), JsonValue.Obj.EMPTY);
            ProfileView view =
                new ProfileView(
                    e.id(),
                    e.traits(),
                    ZoneOffset.UTC,
                    List.of(trigger),
                    Optional.empty(),
                    Optional.empty(),
                    true);
            ProfileContext context =
                new ProfileContext(
                    view.id(),
                    view.traits(),
                    view.zone(),
                    Consent.DEFAULT,
                    view.events(),
                    List.of(),
                    List.of());
            Decisions d =
                engine.handle(
                    FlowState.none(view.id(), flow.id(), flow.version()),
                    context,
                    new Input.EventArrived(trigger),
                    e.at());
            writer.write(
                c,
                FlowProfiles.number(c, view.id().value()),
                flow,
                view,
                d,
                e.at().toEpochMilli(),
                null,
                null, // a new state
                counts);
          }
          return null;
        });
  }
}
