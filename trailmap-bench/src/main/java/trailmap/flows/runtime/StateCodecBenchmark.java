package trailmap.flows.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/**
 * JMH (trailmap-bench, in the runtime's package to reach its codec): a flow state's JSON text as
 * {@link StateCodec#write} writes it by hand, against Jackson's generator writing the same bytes
 * ({@link StateCodec#jacksonWrite}, the baseline), for the two states a timer and an event write
 * most: a profile waiting in the welcome flow's wait, and one that completed it. Command in
 * trailmap-bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateCodecBenchmark {
  private static final Instant ENTERED = Instant.parse("2026-03-02T10:00:00.123Z");

  private final FlowState waiting =
      new FlowState(
          new ProfileId("p_4f1c2a9e0b7d3c58"),
          "welcome",
          1,
          1,
          Optional.of(ENTERED),
          Optional.of(
              new Run(
                  1,
                  ENTERED,
                  "wait-2-days",
                  ENTERED,
                  Optional.of(ENTERED.plusSeconds(172_800)),
                  false,
                  Map.of(),
                  Map.of("welcome-email", 1, "wait-2-days", 1))),
          Optional.empty());

  private final FlowState completed =
      new FlowState(
          new ProfileId("p_4f1c2a9e0b7d3c58"),
          "welcome",
          1,
          1,
          Optional.of(ENTERED),
          Optional.empty(),
          Optional.of(Outcome.COMPLETED));

  @Benchmark
  public String waitingByHand() {
    return StateCodec.write(waiting);
  }

  @Benchmark
  public String waitingByJackson() {
    return StateCodec.jacksonWrite(waiting);
  }

  @Benchmark
  public String completedByHand() {
    return StateCodec.write(completed);
  }

  @Benchmark
  public String completedByJackson() {
    return StateCodec.jacksonWrite(completed);
  }
}
