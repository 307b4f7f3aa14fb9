package trailmap.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.hypotheses.Verdict;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.events.JsonValue;
import trailmap.maps.Emotion;
import trailmap.maps.EventType;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.Matcher;
import trailmap.maps.PainPoint;
import trailmap.maps.Severity;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

class LiveMapTest {
  private static final long SECOND = 1_000_000L;

  /** pricing → signup → welcome in two stages; pricing carries KPIs and a hypothesis. */
  static JourneyMap map(List<Kpi> pricingKpis, List<Kpi> stageKpis) {
    Hypothesis leave =
        new Hypothesis(
            "At least 20% leave after pricing",
            HypothesisMetric.DROP_OFF,
            Optional.empty(),
            Optional.of("signup"),
            Optional.of(0.2),
            Optional.empty());
    Touchpoint pricing =
        touchpoint(
            "pricing",
            "Viewed Pricing",
            List.of(new Emotion(Optional.empty(), -1, "unsure")),
            List.of(
                new PainPoint("Prices are unclear", Severity.HIGH, List.of(), Optional.of(leave))),
            pricingKpis);
    Touchpoint signup = touchpoint("signup", "Signed Up", List.of(), List.of(), List.of());
    Touchpoint welcome = touchpoint("welcome", "Opened Welcome", List.of(), List.of(), List.of());
    return JourneyMaps.map(
        "shop",
        List.of(
            new Stage("consider", "Consider", "", List.of(), stageKpis, List.of(pricing, signup)),
            new Stage("use", "Use", "", List.of(), List.of(), List.of(welcome))));
  }

  static Touchpoint touchpoint(
      String id, String event, List<Emotion> emotions, List<PainPoint> pains, List<Kpi> kpis) {
    return new Touchpoint(
        id,
        "Touchpoint " + id,
        "web",
        Optional.of(
            new Matcher(
                Optional.of(event), Optional.of(EventType.TRACK), Optional.empty(), List.of())),
        List.of(),
        List.of(),
        emotions,
        pains,
        List.of(),
        kpis,
        List.of());
  }

  static Kpi kpi(String metric, Double target, String unit, Kpi.Direction better) {
    return new Kpi(
        "k-" + Math.abs(metric.hashCode()),
        "KPI " + metric,
        metric,
        Optional.ofNullable(target),
        unit,
        Optional.of(12.0),
        better);
  }

  /** Ten profiles see pricing; the first {@code signedUp} sign up a minute later. */
  static EventTable pricingThenSignup(int signedUp) {
    EventTableBuilder b = new EventTableBuilder();
    for (int p = 0; p < 10; p++) {
      track(b, "p" + p, 0, "Viewed Pricing", Map.of());
      if (p < signedUp) {
        track(b, "p" + p, 60, "Signed Up", Map.of());
      }
    }
    return b.build();
  }

  static void track(
      EventTableBuilder b, String profile, long seconds, String name, Map<String, Object> props) {
    JsonValue.Obj obj =
        new JsonValue.Obj(
            props.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e ->
                            e.getValue() instanceof Integer i
                                ? (JsonValue) new JsonValue.Num(i)
                                : new JsonValue.Str(e.getValue().toString()))));
    b.add(profile, seconds * SECOND, name, EventType.TRACK, "web", "s", obj);
  }

  static LiveFigures live(EventTable table, JourneyMap map, int minimumN) {
    return LiveMap.compute(table, map, SurveyFields.DEFAULT, EventFilter.ALL, minimumN);
  }

  @Test
  void countsProfilesReachingEachTouchpointAndTheShareGoingOnToALaterOne() {
    LiveFigures live = live(pricingThenSignup(7), map(List.of(), List.of()), 5);

    TouchpointFigures pricing = live.touchpoint("pricing").orElseThrow();
    assertThat(pricing.reached()).isEqualTo(10);
    assertThat(pricing.onwards().orElseThrow().conversion().estimate()).isEqualTo(0.7);
    assertThat(pricing.onwards().orElseThrow().dropOff().estimate()).isCloseTo(0.3, within(1e-12));
    assertThat(pricing.onwards().orElseThrow().medianSeconds().estimate()).isEqualTo(60);
    assertThat(pricing.drawn()).contains(-1.0);
    assertThat(live.touchpoint("signup").orElseThrow().reached()).isEqualTo(7);
    assertThat(live.touchpoint("welcome").orElseThrow().onwards())
        .as("the journey ends at the last touchpoint")
        .isEmpty();
    StageFigures consider = live.stage("consider").orElseThrow();
    assertThat(consider.reached()).isEqualTo(10);
    assertThat(consider.onwards().orElseThrow().conversion().estimate())
        .as("nobody reached the 'use' stage")
        .isEqualTo(0);
    assertThat(live.stage("use").orElseThrow().onwards()).isEmpty();
  }

  @Test
  void judgesAComputableKpiAgainstItsTargetInItsUnitAndLeavesFreeTextToTheTeam() {
    Kpi conversion = kpi("conversion", 60.0, "%", Kpi.Direction.HIGHER);
    Kpi dropOff = kpi("Drop-Off", 0.2, "", Kpi.Direction.LOWER);
    Kpi freeText = kpi("trials started / pricing page visitors", 15.0, "%", Kpi.Direction.HIGHER);
    Kpi badUnit = kpi("conversion", 60.0, "days", Kpi.Direction.HIGHER);
    JourneyMap map = map(List.of(conversion, dropOff, freeText, badUnit), List.of());

    List<LiveKpi> kpis = live(pricingThenSignup(7), map, 5).touchpoint("pricing").get().kpis();

    assertThat(kpis.get(0).status()).isEqualTo(KpiStatus.ON_TARGET);
    assertThat(kpis.get(0).live().orElseThrow().estimate()).isCloseTo(70, within(1e-9));
    assertThat(kpis.get(0).to()).as("taken from the pricing hypothesis").contains("signup");
    assertThat(kpis.get(0).reason()).isEqualTo("70 % is above the target 60 % (higher is better)");
    assertThat(kpis.get(1).status()).isEqualTo(KpiStatus.OFF_TARGET);
    assertThat(kpis.get(1).reason()).contains("0.3 is above the target 0.2 (lower is better)");
    assertThat(kpis.get(2).status()).isEqualTo(KpiStatus.NOT_MEASURED);
    assertThat(kpis.get(2).reason()).startsWith("not measured: the metric is free text");
    assertThat(kpis.get(2).kpi().current()).contains(12.0);
    assertThat(kpis.get(3).status()).isEqualTo(KpiStatus.NOT_MEASURED);
    assertThat(kpis.get(3).reason()).contains("unit 'days' does not fit conversion");
  }

  @Test
  void aKpiWithTooFewObservationsIsNotJudged() {
    Kpi conversion = kpi("conversion to signup", 60.0, "%", Kpi.Direction.HIGHER);

    LiveKpi kpi =
        live(pricingThenSignup(7), map(List.of(conversion), List.of()), 30)
            .touchpoint("pricing")
            .get()
            .kpis()
            .getFirst();

    assertThat(kpi.status()).isEqualTo(KpiStatus.NOT_ENOUGH_DATA);
    assertThat(kpi.reason()).isEqualTo("n = 10, below the minimum of 30");
  }

  @Test
  void measuresAStageKpiToALaterStageAndTimeInTheKpisUnit() {
    Kpi toUse = kpi("conversion to use", 50.0, "%", Kpi.Direction.HIGHER);
    Kpi time = kpi("time-to-next to signup", 2.0, "min", Kpi.Direction.LOWER);
    EventTableBuilder b = new EventTableBuilder();
    for (int p = 0; p < 6; p++) {
      track(b, "p" + p, 0, "Viewed Pricing", Map.of());
      track(b, "p" + p, 60, "Signed Up", Map.of());
      if (p % 2 == 0) {
        track(b, "p" + p, 120, "Opened Welcome", Map.of());
      }
    }

    LiveFigures live = live(b.build(), map(List.of(time), List.of(toUse)), 5);

    LiveKpi stage = live.stage("consider").orElseThrow().kpis().getFirst();
    assertThat(stage.live().orElseThrow().estimate()).isEqualTo(50);
    assertThat(stage.status()).as("inclusive").isEqualTo(KpiStatus.ON_TARGET);
    LiveKpi minutes = live.touchpoint("pricing").orElseThrow().kpis().getFirst();
    assertThat(minutes.live().orElseThrow().estimate()).isEqualTo(1.0);
    assertThat(minutes.status()).isEqualTo(KpiStatus.ON_TARGET);
  }

  @Test
  void takesTheEmotionFromTheSurveysAttachedToATouchpointAndJudgesTheHypotheses() {
    EventTableBuilder b = new EventTableBuilder();
    for (int p = 0; p < 40; p++) {
      track(b, "p" + p, 0, "Viewed Pricing", Map.of());
      if (p < 4) {
        track(b, "p" + p, 60, "Signed Up", Map.of());
      }
      // 30 of 40 satisfied: CSAT 0.75 → emotion +1
      track(b, "p" + p, 90, "Survey Responded", Map.of("survey", "csat", "score", p < 30 ? 5 : 2));
    }

    LiveFigures live = live(b.build(), map(List.of(), List.of()), 30);

    // Answers attach to the most recent earlier touchpoint: signup for the four who signed up.
    TouchpointFigures pricing = live.touchpoint("pricing").orElseThrow();
    assertThat(pricing.scores().get(SurveyKind.CSAT).n()).isEqualTo(36);
    assertThat(pricing.emotion().score().orElseThrow())
        .isCloseTo(4 * (26.0 / 36) - 2, within(1e-9));
    assertThat(live.touchpoint("signup").orElseThrow().emotion().score())
        .as("4 answers are below the minimum")
        .isEmpty();
    assertThat(live.hypotheses()).hasSize(1);
    assertThat(live.hypotheses().getFirst().verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @ParameterizedTest(name = "{0} {1} is emotion {2}")
  @CsvSource({
    "CSAT, 1.0, 2",
    "CSAT, 0.5, 0",
    "CSAT, 0.0, -2",
    "NPS, 50, 1",
    "NPS, -100, -2",
    "NPS, 0, 0",
    "CES, 1, 2",
    "CES, 4, 0",
    "CES, 7, -2",
    "CES, 5.5, -1",
  })
  void mapsEachSurveyFigureOntoTheEmotionScale(SurveyKind kind, double figure, double emotion) {
    assertThat(SurveyEmotion.onScale(kind, figure)).isCloseTo(emotion, within(1e-12));
  }

  @Test
  void combinesTheKindsWeightedByTheirAnswers() {
    SurveyScores scores =
        new SurveyScores(
            Map.of(
                SurveyKind.CSAT, new trailmap.analytics.stats.Interval(1.0, 0.9, 1, 30, "x"),
                SurveyKind.NPS, new trailmap.analytics.stats.Interval(-50, -60, -40, 10, "x"),
                SurveyKind.CES, new trailmap.analytics.stats.Interval(4, 3, 5, 9, "x")));

    SurveyEmotion emotion = SurveyEmotion.of(scores);

    assertThat(emotion.parts()).containsOnlyKeys(SurveyKind.CSAT, SurveyKind.NPS);
    assertThat(emotion.n()).isEqualTo(40);
    assertThat(emotion.score().orElseThrow()).isCloseTo((2.0 * 30 - 1.0 * 10) / 40, within(1e-12));
  }
}
