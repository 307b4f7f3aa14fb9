package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/** Any flow state reads back from {@code flow_state.state} as it was written. */
class StateCodecPropertiesTest {
  @Property(tries = 500)
  void aStateReadsBackAsWritten(@ForAll("states") FlowState state) {
    String json = StateCodec.write(state);
    assertThat(StateCodec.read(state.profile(), state.flowId(), json)).isEqualTo(state);
  }

  /** The hand-written text is Jackson's, byte for byte, also where a text needs escapes. */
  @Property(tries = 500)
  void writeWritesWhatJacksonWrites(@ForAll("states") FlowState state) {
    assertThat(StateCodec.write(state)).isEqualTo(StateCodec.jacksonWrite(state));
  }

  /**
   * The scanner that reads what write() writes without a parser reads it as Jackson does, and
   * leaves any other text (escapes, a field a later version added, another order) to Jackson.
   */
  @Property(tries = 500)
  void theScannerReadsWhatWriteWritesOrNothing(@ForAll("states") FlowState state) {
    String json = StateCodec.write(state);
    FlowState scanned = StateScanner.read(state.profile(), state.flowId(), json, Instant::parse);
    if (json.indexOf('\\') < 0) {
      assertThat(scanned).as(json).isEqualTo(state);
    } else {
      assertThat(scanned).as("escaped text is Jackson's to read: " + json).isNull();
    }
    String later = json.substring(0, json.length() - 1) + ",\"addedLater\":{\"x\":[1]}}";
    assertThat(StateScanner.read(state.profile(), state.flowId(), later, Instant::parse)).isNull();
    assertThat(StateCodec.read(state.profile(), state.flowId(), later)).isEqualTo(state);
  }

  @Example
  void textInAnotherOrderOrSpacingIsReadByJackson() {
    String spaced = "{ \"entries\": 2, \"version\": 3, \"lastOutcome\": \"CONVERTED\" }";
    assertThat(StateScanner.read(new ProfileId("p1"), "welcome", spaced, Instant::parse)).isNull();
    FlowState read = StateCodec.read(new ProfileId("p1"), "welcome", spaced);
    assertThat(read.version()).isEqualTo(3);
    assertThat(read.entries()).isEqualTo(2);
    assertThat(read.lastOutcome()).contains(Outcome.CONVERTED);
  }

  @Example
  void aDamagedStateSaysWhoseStateItIs() {
    for (String damaged :
        List.of(
            "",
            "[]",
            "{\"version\": 1, \"entries\": 1, \"run\": 3}",
            "{\"run\": {}}",
            // In write()'s exact shape: damaged all the same, whichever reader meets them.
            "{\"version\":1,\"entries\":1,\"lastEnteredAt\":\"yesterday\"}",
            "{\"version\":1,\"entries\":1,\"lastOutcome\":\"NOPE\"}")) {
      assertThatThrownBy(() -> StateCodec.read(new ProfileId("p1"), "welcome", damaged))
          .as(damaged)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("flow state of p1 in welcome is damaged");
    }
  }

  @Provide
  Arbitrary<FlowState> states() {
    Arbitrary<Instant> instants =
        Arbitraries.oneOf(
            // What the runtime writes (its clock to the millisecond), and finer ones.
            Arbitraries.longs().between(0, 253_402_300_799_999L).map(Instant::ofEpochMilli),
            Arbitraries.longs()
                .between(0, 253_402_300_799L)
                .flatMap(
                    s ->
                        Arbitraries.integers()
                            .between(0, 999_999_999)
                            .map(n -> Instant.ofEpochSecond(s, n))));
    // Names as authors write them: any text, and often the characters JSON escapes.
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().withChars("ab-_\"\\\n\t\u0001é/").ofMinLength(1).ofMaxLength(6));
    Arbitrary<Run> runs =
        Combinators.combine(
                Arbitraries.integers().between(1, 50),
                instants,
                names,
                instants,
                instants.optional(),
                Arbitraries.of(true, false),
                Arbitraries.maps(names, names).ofMaxSize(3),
                Arbitraries.maps(names, Arbitraries.integers().between(0, 1_000)).ofMaxSize(4))
            .as(Run::new);
    return Combinators.combine(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(ProfileId::new),
            names,
            Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(0, 50),
            instants.optional(),
            runs.optional(),
            Arbitraries.of(Outcome.class).optional())
        // A run is always some entry's (FlowState refuses a run with no entries).
        .as((p, f, v, e, le, r, o) -> new FlowState(p, f, v, r.isPresent() ? e + 1 : e, le, r, o));
  }
}
