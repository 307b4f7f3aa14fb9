package trailmap.analytics.journey;

import java.util.Optional;
import java.util.Set;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;

/**
 * The survey fields shared by the surveys, friction, compare and hypotheses queries: the event and
 * property names, all optional with the defaults of {@link SurveyFields#DEFAULT}.
 */
final class SurveyQuery {
  static final Set<String> FIELDS =
      Set.of("event", "surveyProperty", "scoreProperty", "commentProperty", "touchpointProperty");

  private SurveyQuery() {}

  static SurveyFields fields(QueryReader reader) {
    SurveyFields d = SurveyFields.DEFAULT;
    return new SurveyFields(
        reader.text("event").orElse(d.event()),
        reader.text("surveyProperty").orElse(d.survey()),
        reader.text("scoreProperty").orElse(d.score()),
        reader.text("commentProperty").orElse(d.comment()),
        reader.text("touchpointProperty").orElse(d.touchpoint()));
  }

  /** The kind {@code field} names, if set. */
  static Optional<SurveyKind> kind(QueryReader reader, String field) {
    return reader
        .text(field)
        .map(
            name ->
                SurveyKind.fromWireName(name)
                    .orElseThrow(
                        () ->
                            InvalidQuery.at(
                                field, "'" + name + "' is not a survey; use nps, csat or ces")));
  }

  static void describe(com.fasterxml.jackson.databind.node.ObjectNode counted, SurveyFields f) {
    counted.put("event", f.event());
    counted
        .putObject("properties")
        .put("survey", f.survey())
        .put("score", f.score())
        .put("comment", f.comment())
        .put("touchpoint", f.touchpoint());
    counted.put(
        "answer",
        "an event named "
            + f.event()
            + " whose survey property is nps, csat or ces and whose score is a whole number on"
            + " that scale (nps 0-10, csat 1-5, ces 1-7); any other is rejected and reported,"
            + " never counted");
    counted.put(
        "attached",
        "to the touchpoint the answer names in its touchpoint property, else (with a map) to the"
            + " touchpoint of the profile's most recent earlier event matching the map; its stage"
            + " and channel are the touchpoint's on the map, else the channel is the survey"
            + " event's own");
  }
}
