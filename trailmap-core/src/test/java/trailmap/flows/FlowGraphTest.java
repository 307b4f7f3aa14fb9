package trailmap.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.flows.SampleFlows.send;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowGraphTest {

  private static Flow of(Step... steps) {
    return SampleFlows.flow("f", "Go", EntryRules.ONCE, List.of(steps), List.of());
  }

  private static Wait waitHour(String id, String next) {
    return new Wait(id, new Wait.Until.Elapsed(Duration.ofHours(1)), Optional.ofNullable(next));
  }

  @Test
  void acceptsTheWelcomeFlow() {
    assertThat(SampleFlows.welcome().first().id()).isEqualTo("welcome-email");
  }

  @Test
  void rejectsDuplicateStepIdsNamingTheStep() {
    assertThatThrownBy(() -> of(send("a", "t", "a2"), send("a", "t", null)))
        .hasMessage("duplicate step id 'a'");
  }

  @Test
  void rejectsABranchToAMissingStep() {
    assertThatThrownBy(() -> of(send("a", "t", "nowhere")))
        .hasMessage("step 'a' leads to step 'nowhere', which does not exist");
  }

  @Test
  void rejectsUnreachableSteps() {
    assertThatThrownBy(() -> of(send("a", "t", null), send("b", "t", null)))
        .hasMessage("step 'b' is unreachable: no step leads to it from the first step 'a'");
  }

  @Test
  void acceptsAGoalReachableOnlyByItsEvent() {
    Flow flow = of(send("a", "t", null), new Goal("g", Optional.of(EventMatch.named("Paid"))));
    assertThat(flow.eventGoals()).hasSize(1);
  }

  @Test
  void rejectsALoopWithoutAWait() {
    assertThatThrownBy(() -> of(send("a", "t", "b"), send("b", "t", "a")))
        .hasMessageContaining("steps a -> b -> a form a loop without a wait");
  }

  @Test
  void acceptsALoopThroughAWait() {
    assertThat(of(send("a", "t", "w"), waitHour("w", "a")).steps()).hasSize(2);
  }

  @Test
  void reservesTheStepIdEnd() {
    assertThatThrownBy(() -> of(send("end", "t", null))).hasMessageContaining("'end' is reserved");
  }

  @Test
  void rejectsAMinimumGapWithoutReentry() {
    assertThatThrownBy(() -> new EntryRules(false, Optional.of(Duration.ofDays(1)), List.of()))
        .hasMessageContaining("needs entry.reentry: true");
  }
}
