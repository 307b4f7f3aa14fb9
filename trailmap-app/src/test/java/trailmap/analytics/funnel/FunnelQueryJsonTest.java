package trailmap.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

class FunnelQueryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StepMatcher TRIAL = (table, event) -> false;
  private static final StepResolver MAP =
      ref -> ref.equals("touchpoint:trial") ? Optional.of(TRIAL) : Optional.empty();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static FunnelQuery parse(String text) {
    return FunnelQueryJson.parse(json(text), Optional.of(MAP)).orThrow();
  }

  private static List<String> problems(String text, Optional<StepResolver> resolver) {
    return FunnelQueryJson.parse(json(text), resolver).problems().stream()
        .map(FunnelQueryProblem::toString)
        .toList();
  }

  private static List<String> problems(String text) {
    return problems(text, Optional.of(MAP));
  }

  @Test
  void readsTheIssuesExampleDocument() {
    FunnelQuery query =
        parse(
            """
            {'steps': ['Signed Up', {'event': 'Viewed Page', 'where': {'path': '/pricing'}},
                       'touchpoint:trial'],
             'order': 'strict', 'window': '7d',
             'from': '2026-01-01T00:00:00Z', 'to': '2026-02-01T00:00:00+01:00',
             'where': {'channel': ['web', 'app'], 'traits': {'plan': {'in': ['pro', 'team']}}},
             'exclusions': [{'event': 'Contacted Support', 'fromStep': 0, 'toStep': 1}],
             'breakdown': 'plan'}
            """);

    assertThat(query.steps())
        .extracting(FunnelStep::name)
        .containsExactly("Signed Up", "Viewed Page where path eq /pricing", "touchpoint:trial");
    assertThat(query.steps().get(1).matcher())
        .isEqualTo(
            new EventMatcher(
                "Viewed Page",
                List.of(
                    new PropertyCondition(
                        "path", Operator.EQ, List.of(new Scalar.Text("/pricing"))))));
    assertThat(query.steps().get(2).matcher()).isSameAs(TRIAL);
    assertThat(query.order()).isEqualTo(FunnelOrder.STRICT);
    assertThat(query.window().duration()).isEqualTo(Duration.ofDays(7));
    assertThat(query.range().from()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(query.range().to()).contains(Instant.parse("2026-01-31T23:00:00Z"));
    assertThat(query.eventFilter()).isInstanceOf(EventFilter.class);
    assertThat(query.profileFilter()).isInstanceOf(TraitFilter.class);
    assertThat(query.exclusions()).singleElement().extracting(Exclusion::toStep).isEqualTo(1);
    assertThat(query.breakdown()).isEqualTo(new Breakdown.PropertyOrTrait("plan"));
  }

  @Test
  void onlyStepsAreRequiredAndTheRestDefaults() {
    FunnelQuery query = parse("{'steps': ['A']}");

    assertThat(query.order()).isEqualTo(FunnelOrder.ORDERED);
    assertThat(query.window()).isEqualTo(ConversionWindow.DEFAULT);
    assertThat(query.range()).isEqualTo(TimeRange.ALL);
    assertThat(query.breakdown()).isEqualTo(new Breakdown.None());
  }

  @Test
  void readsOperatorConditionsAsTheMapFormatDoes() {
    FunnelQuery query = parse("{'steps': [{'event': 'Paid', 'where': {'amount': {'gt': 100}}}]}");

    assertThat(((EventMatcher) query.steps().get(0).matcher()).where())
        .containsExactly(
            new PropertyCondition("amount", Operator.GT, List.of(new Scalar.Number(100))));
  }

  @Test
  void breakdownMayNameAPropertyOrATraitExplicitly() {
    assertThat(parse("{'steps': ['A'], 'breakdown': {'trait': 'plan'}}").breakdown())
        .isEqualTo(new Breakdown.ProfileTrait("plan"));
    assertThat(parse("{'steps': ['A'], 'breakdown': {'property': 'plan'}}").breakdown())
        .isEqualTo(new Breakdown.EventProperty("plan"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'steps': ['A'], 'order': 'sequential'} | $.order: unknown order 'sequential'; use one of ordered, strict, unordered",
        "{'steps': ['A'], 'order': 'strikt'} | $.order: unknown order 'strikt' (did you mean 'strict'?); use one of ordered, strict, unordered",
        "{'steps': ['A'], 'window': '14 days'} | $.window: window '14 days' is not a whole number followed by s, m, h, d or w (e.g. 14d, 90m, 2w)",
        "{'steps': []} | $.steps: steps must be a list of 1 to 30 steps, e.g. [\"Signed Up\", \"Paid\"], was a list",
        "{'order': 'ordered'} | $.steps: steps must be a list of 1 to 30 steps, e.g. [\"Signed Up\", \"Paid\"], was missing",
        "{'steps': ['A'], 'windw': '1d'} | $.windw: unknown field 'windw' (did you mean 'window'?); known fields: steps, order, window, from, to, where, exclusions, breakdown, maxSeries",
        "{'steps': ['A', 'B'], 'exclusions': [{'event': 'X', 'fromStep': 0, 'toStep': 2}]} | $.exclusions[0].toStep: toStep 2 is outside the steps: the funnel has 2 steps, numbered 0 to 1",
        "{'steps': ['A', 'B'], 'exclusions': [{'event': 'X', 'fromStep': 1, 'toStep': 1}]} | $.exclusions[0].toStep: toStep (1) must be greater than fromStep (1): an exclusion applies between two steps",
        "{'steps': ['A', 'B'], 'exclusions': [{'event': 'X', 'fromStep': 0}]} | $.exclusions[0].toStep: an exclusion needs \"toStep\", a step number from 0 to 1",
        "{'steps': ['A'], 'from': 'yesterday'} | $.from: 'yesterday' is not an ISO-8601 time with offset, e.g. 2026-01-01T00:00:00Z",
        "{'steps': ['A'], 'from': '2026-02-01T00:00:00Z', 'to': '2026-01-01T00:00:00Z'} | $.to: time range 'from' (2026-02-01T00:00:00Z) must be before 'to' (2026-01-01T00:00:00Z); the range is [from, to)",
        "{'steps': [{'event': 'Paid', 'where': {'amount': {'gtt': 1}}}]} | $.steps[0].where.amount: unknown operator 'gtt' on 'amount' (did you mean 'gt'?) (use one of eq, ne, gt, gte, lt, lte, in, contains, exists)",
        "{'steps': ['touchpoint:nope']} | $.steps[0]: touchpoint:nope is not in the map; check the id against the map's touchpoints and stages",
        "{'steps': ['A'], 'where': {'plan': 'pro'}} | $.where.plan: unknown field 'plan'; known fields: channel, source, properties, traits",
        "{'steps': ['A'], 'maxSeries': 0} | $.maxSeries: maxSeries must be a whole number from 1 to 1000, was 0",
        "[1] | $: a funnel query must be a JSON object with at least \"steps\", was a list",
      })
  void reportsEachProblemWithItsPathAndAFix(String document, String problem) {
    assertThat(problems(document)).containsExactly(problem);
  }

  @Test
  void misspeltFieldSuggestsTheKnownOneAndSaysWhatIsMissing() {
    assertThat(problems("{'steps': [{'evnt': 'Paid'}]}"))
        .containsExactly(
            "$.steps[0].evnt: unknown field 'evnt' (did you mean 'event'?); known fields: event,"
                + " where, name",
            "$.steps[0].event: step 0 needs \"event\": the event name (or touchpoint:ID /"
                + " stage:ID)");
  }

  @Test
  void mapStepWithoutAMapSaysHowToGiveOne() {
    assertThat(problems("{'steps': ['A', 'touchpoint:trial']}", Optional.empty()))
        .containsExactly(
            "$.steps[1]: touchpoint:trial needs a map: give --map FILE|ID (CLI) or \"map\" (HTTP)");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(problems("{'steps': ['A'], 'order': 'x', 'window': 'y', 'breakdown': 3}"))
        .hasSize(3);
  }
}
