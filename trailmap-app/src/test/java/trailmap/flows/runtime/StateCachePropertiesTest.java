package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/**
 * Whatever changes the flow states (rounds that save and disarm, rounds that fail half-way,
 * erasures, writes made at once by a caller that forgets what it wrote, whole flows forgotten),
 * with or without every row read first and with room for fewer profiles than have rows: the states
 * held in memory ({@link StateCache}) are, for every profile, what flows.db holds: the states, the
 * wake-ups armed and the profile's number.
 */
class StateCachePropertiesTest {
  private static final int PROFILES = 5;
  private static final List<String> STEPS = List.of("", "wait", "send");

  sealed interface Op {}

  /** A state saved in a round, with the engine's timer decisions and a fired wake-up. */
  record Save(int profile, int flow, int step, Long setAt, Long cancelAt, Long firedAt)
      implements Op {}

  /** A fired wake-up disarmed in a round, if it was still the one armed. */
  record Disarm(int profile, int flow, long at) implements Op {}

  /** A round of {@code ops} that fails after them: none of it is committed. */
  record Failing(List<Op> ops) implements Op {}

  record Erase(int profile) implements Op {}

  /** A state written at once outside a round, its profile forgotten in the same transaction. */
  record Outside(int profile, int flow, int step) implements Op {}

  /** Every state in the flow moved to another step at once, the flow forgotten. */
  record Migrate(int flow) implements Op {}

  /** Every row read into memory (once; later ones do nothing). */
  record Warm() implements Op {}

  @Property(tries = 80)
  void theHeldStatesAreTheFilesAfterAnyChanges(
      @ForAll("ops") List<Op> ops, @ForAll("capacity") int capacity) throws Exception {
    try (ScratchFlowsDb scratch = new ScratchFlowsDb("state-cache")) {
      StateCache held = new StateCache(capacity);
      for (Op op : ops) {
        run(scratch, held, op);
        assertHeldAsInTheFile(scratch, held, op);
      }
    }
  }

  private static void run(ScratchFlowsDb scratch, StateCache held, Op op) {
    switch (op) {
      case Save s -> round(scratch, held, List.of(s), false);
      case Disarm d -> round(scratch, held, List.of(d), false);
      case Failing f ->
          assertThatThrownBy(() -> round(scratch, held, f.ops(), true))
              .hasMessageContaining("the round failed");
      case Erase e -> new FlowErasure(scratch.db, held).erase(Set.of(id(e.profile())));
      case Outside o ->
          scratch.db.transaction(
              c -> {
                FlowStates.save(c, state(o.profile(), o.flow(), o.step()), null, null);
                held.forget(id(o.profile()));
                return null;
              });
      case Migrate m ->
          scratch.db.transaction(
              c -> {
                held.forgetFlow("flow" + m.flow());
                for (int p = 0; p < PROFILES; p++) {
                  if (FlowStates.of(c, id(p)).containsKey("flow" + m.flow())) {
                    FlowStates.save(c, state(p, m.flow(), 1), null, null);
                  }
                }
                return null;
              });
      case Warm w -> held.warm(scratch.db);
      default -> throw new IllegalArgumentException("not an op of its own: " + op);
    }
  }

  /** The ops in one round, as the flow thread runs it: states taken from the held ones. */
  private static void round(ScratchFlowsDb scratch, StateCache held, List<Op> ops, boolean fail) {
    RoundChanges changes = new RoundChanges();
    held.changing(
        scratch.db,
        changes,
        c -> {
          for (Op op : ops) {
            switch (op) {
              case Save s -> {
                FlowStates.Held rows = held.held(c, List.of(id(s.profile()))).get(id(s.profile()));
                FlowProfiles.Numbered who =
                    rows.number().isPresent()
                        ? rows.number().get()
                        : FlowProfiles.number(c, id(s.profile()).value());
                FlowStates.save(
                    c,
                    who,
                    state(s.profile(), s.flow(), s.step()),
                    s.setAt(),
                    s.cancelAt(),
                    s.firedAt(),
                    rows.states().get("flow" + s.flow()),
                    changes);
              }
              case Disarm d ->
                  FlowStates.disarm(c, "flow" + d.flow(), id(d.profile()), d.at(), changes);
              default -> throw new IllegalArgumentException("not in a round: " + op);
            }
          }
          if (fail) {
            throw new IllegalStateException("the round failed");
          }
          return null;
        });
  }

  private static void assertHeldAsInTheFile(ScratchFlowsDb scratch, StateCache held, Op after) {
    List<ProfileId> everyone = new ArrayList<>();
    for (int p = 0; p < PROFILES; p++) {
      everyone.add(id(p));
    }
    scratch.db.read(
        c -> {
          Map<ProfileId, FlowStates.Held> file = FlowStates.held(c, everyone);
          Map<ProfileId, FlowStates.Held> memory = held.held(c, everyone);
          for (ProfileId p : everyone) {
            FlowStates.Held f = file.getOrDefault(p, FlowStates.Held.none());
            FlowStates.Held m = memory.get(p);
            assertThat(m.states()).as("states of %s after %s", p, after).isEqualTo(f.states());
            assertThat(m.armed()).as("wake-ups of %s after %s", p, after).isEqualTo(f.armed());
            if (!f.states().isEmpty()) {
              assertThat(m.number().map(FlowProfiles.Numbered::key))
                  .as("number of %s after %s", p, after)
                  .isEqualTo(f.number().map(FlowProfiles.Numbered::key));
            }
          }
          return null;
        });
  }

  private static ProfileId id(int profile) {
    return new ProfileId("p" + profile);
  }

  private static FlowState state(int profile, int flow, int step) {
    Instant entered = Instant.ofEpochMilli(5);
    String name = STEPS.get(step);
    Optional<Run> run =
        name.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Run(1, entered, name, entered, Optional.empty(), false, Map.of(), Map.of()));
    return new FlowState(
        id(profile), "flow" + flow, 1, 1, Optional.of(entered), run, Optional.empty());
  }

  @Provide
  Arbitrary<Integer> capacity() {
    return Arbitraries.of(2, 100);
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> profile = Arbitraries.integers().between(0, PROFILES - 1);
    Arbitrary<Integer> flow = Arbitraries.integers().between(0, 1);
    Arbitrary<Integer> step = Arbitraries.integers().between(0, STEPS.size() - 1);
    // Few distinct times, so cancels and firings often meet the time armed.
    Arbitrary<Long> time = Arbitraries.of(1_000L, 2_000L, 3_000L);
    Arbitrary<Op> save =
        Combinators.combine(
                profile,
                flow,
                step,
                time.injectNull(0.5),
                time.injectNull(0.6),
                time.injectNull(0.6))
            .as(Save::new);
    Arbitrary<Op> disarm = Combinators.combine(profile, flow, time).as(Disarm::new);
    Arbitrary<Op> inRound = Arbitraries.frequencyOf(Tuple.of(3, save), Tuple.of(1, disarm));
    return Arbitraries.frequencyOf(
            Tuple.of(8, save),
            Tuple.of(3, disarm),
            Tuple.of(2, inRound.list().ofMinSize(1).ofMaxSize(4).map(Failing::new)),
            Tuple.of(1, profile.map(Erase::new)),
            Tuple.of(1, Combinators.combine(profile, flow, step).as(Outside::new)),
            Tuple.of(1, flow.map(Migrate::new)),
            Tuple.of(1, Arbitraries.just(new Warm())))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
