package trailmap.analytics.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.analytics.JourneyMaps;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;

class SurveysTest {
  private static final long SECOND = 1_000_000L;
  // 2026-01-05 is a Monday.
  private static final long MONDAY = 1_767_571_200L * SECOND;
  private static final JourneyMap MAP =
      JourneyMaps.map(
          "shop", "buy: pricing=Viewed Pricing, checkout=Checked Out", "help: support=Chat Opened");

  @Test
  void attachesAnAnswerToTheTouchpointItNamesElseToTheMostRecentEarlierTouchpoint() {
    EventTableBuilder b = new EventTableBuilder();
    track(b, "a", 0, "Viewed Pricing", Map.of());
    track(b, "a", 10, "Checked Out", Map.of());
    track(b, "a", 20, "Newsletter Opened", Map.of());
    answer(b, "a", 30, "csat", 5, Map.of());
    answer(b, "a", 40, "ces", 6, Map.of("touchpoint", "support"));
    answer(b, "b", 0, "nps", 10, Map.of());

    SurveysFound found = Surveys.of(b.build(), Optional.of(MAP), fields(), EventFilter.ALL, 20);

    assertThat(found.byTouchpoint().keySet()).containsExactly("checkout", "support");
    assertThat(found.byTouchpoint().get("checkout").tally(SurveyKind.CSAT).n()).isEqualTo(1);
    assertThat(found.byTouchpoint().get("support").tally(SurveyKind.CES).count(6)).isEqualTo(1);
    assertThat(found.byStage().keySet()).containsExactly("buy", "help");
    assertThat(found.unattached()).isEqualTo(1);
    assertThat(found.overall().tally(SurveyKind.NPS).n()).isEqualTo(1);
  }

  @Test
  void countsNoAnswerOffItsScaleAndSaysWhy() {
    EventTableBuilder b = new EventTableBuilder();
    answer(b, "a", 0, "nps", 11, Map.of());
    answer(b, "a", 1, "csat", 0, Map.of());
    b.add(
        "a",
        MONDAY + 2 * SECOND,
        "Survey Responded",
        EventType.TRACK,
        "web",
        "s",
        props(Map.of("survey", "ces", "score", "hard")));
    b.add(
        "a",
        MONDAY + 3 * SECOND,
        "Survey Responded",
        EventType.TRACK,
        "web",
        "s",
        props(Map.of("survey", "ces")));
    b.add(
        "a",
        MONDAY + 4 * SECOND,
        "Survey Responded",
        EventType.TRACK,
        "web",
        "s",
        props(Map.of("survey", "rating", "score", 3)));
    answer(b, "a", 5, "nps", 9, Map.of());

    SurveysFound found = Surveys.of(b.build(), Optional.empty(), fields(), EventFilter.ALL, 20);

    assertThat(found.rejected()).isEqualTo(new Rejected(2, 1, 1, 1));
    assertThat(found.overall().tally(SurveyKind.NPS).n()).isEqualTo(1);
    assertThat(found.overall().tally(SurveyKind.CSAT).n()).isZero();
  }

  @Test
  void groupsWeeksByTheirMondayInUtc() {
    assertThat(Surveys.weekOf(MONDAY)).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(Surveys.weekOf(MONDAY - SECOND)).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(Surveys.weekOf(MONDAY + 7 * 86_400 * SECOND - SECOND))
        .isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void keepsTheMostRecentCommentsUpToTheCapWithTheTotal() {
    EventTableBuilder b = new EventTableBuilder();
    answer(b, "a", 0, "nps", 3, Map.of("comment", "first"));
    answer(b, "a", 20, "nps", 4, Map.of("comment", "third"));
    answer(b, "b", 10, "nps", 5, Map.of("comment", "second"));
    answer(b, "b", 30, "nps", 5, Map.of("comment", "   "));

    SurveysFound found = Surveys.of(b.build(), Optional.empty(), fields(), EventFilter.ALL, 2);

    assertThat(found.overall().comments())
        .extracting(SurveyComment::text)
        .containsExactly("third", "second");
    assertThat(found.overall().commentCount()).isEqualTo(3);
  }

  @Test
  void computesEachFigureOnItsOwnScale() {
    EventTableBuilder b = new EventTableBuilder();
    int[] nps = {10, 9, 8, 6, 0};
    for (int i = 0; i < nps.length; i++) {
      answer(b, "p" + i, i, "nps", nps[i], Map.of());
      answer(b, "p" + i, i, "csat", 1 + i, Map.of());
      answer(b, "p" + i, i, "ces", 2 + i, Map.of());
    }
    EventTable table = b.build();

    SurveyGroup all = Surveys.of(table, Optional.empty(), fields(), EventFilter.ALL, 20).overall();

    assertThat(all.tally(SurveyKind.NPS).interval().estimate()).isEqualTo(0.0);
    assertThat(all.tally(SurveyKind.CSAT).interval().estimate()).isEqualTo(0.4);
    assertThat(all.tally(SurveyKind.CES).interval().estimate()).isEqualTo(4.0);
    assertThat(all.tally(SurveyKind.CES).interval().method()).isEqualTo("t");
  }

  @Test
  void readsConfiguredEventAndPropertyNames() {
    EventTableBuilder b = new EventTableBuilder();
    b.add(
        "a",
        MONDAY,
        "Feedback",
        EventType.TRACK,
        "email",
        "s",
        props(Map.of("kind", "NPS", "answer", Map.of("value", "9"))));
    SurveyFields custom = new SurveyFields("Feedback", "kind", "answer.value", "text", "tp");

    SurveysFound found = Surveys.of(b.build(), Optional.empty(), custom, EventFilter.ALL, 20);

    assertThat(found.overall().tally(SurveyKind.NPS).count(9)).isEqualTo(1);
    assertThat(found.byChannel().keySet()).containsExactly("email");
  }

  @Test
  void refusesAScoreOffTheScaleInAResponse() {
    assertThatThrownBy(
            () ->
                new SurveyResponse(
                    0,
                    0,
                    "a",
                    0,
                    SurveyKind.CES,
                    8,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "web"))
        .hasMessage("ces score must be between 1 and 7, was 8");
  }

  private static SurveyFields fields() {
    return SurveyFields.DEFAULT;
  }

  static void track(
      EventTableBuilder b, String profile, long seconds, String name, Map<String, Object> p) {
    b.add(profile, MONDAY + seconds * SECOND, name, EventType.TRACK, "web", "s", props(p));
  }

  static void answer(
      EventTableBuilder b,
      String profile,
      long seconds,
      String kind,
      int score,
      Map<String, Object> more) {
    Map<String, Object> p = new LinkedHashMap<>(more);
    p.put("survey", kind);
    p.put("score", score);
    b.add(
        profile,
        MONDAY + seconds * SECOND,
        "Survey Responded",
        EventType.TRACK,
        "email",
        "s",
        props(p));
  }

  static JsonValue.Obj props(Map<String, ?> values) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    values.forEach((k, v) -> fields.put(k, value(v)));
    return new JsonValue.Obj(fields);
  }

  @SuppressWarnings("unchecked")
  private static JsonValue value(Object v) {
    return switch (v) {
      case String s -> new JsonValue.Str(s);
      case Number n -> new JsonValue.Num(n.doubleValue());
      case Boolean bool -> new JsonValue.Bool(bool);
      case Map<?, ?> m -> props((Map<String, ?>) m);
      default -> throw new IllegalArgumentException("no JSON for " + v);
    };
  }
}
