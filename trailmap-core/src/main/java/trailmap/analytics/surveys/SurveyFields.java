package trailmap.analytics.surveys;

/**
 * Where survey answers are in the events: the event name and the property names. {@link #DEFAULT}
 * reads {@code Survey Responded} events with {@code survey} (nps, csat or ces), {@code score},
 * {@code comment} and {@code touchpoint}. Property names may be dotted paths ({@code
 * answer.score}).
 *
 * @param event the event name of a survey answer
 * @param survey the property naming the survey kind: {@code nps}, {@code csat} or {@code ces}
 * @param score the property holding the score, a whole number (or text of one)
 * @param comment the property holding optional free-text feedback
 * @param touchpoint the property that may name the touchpoint id the answer is about
 */
public record SurveyFields(
    String event, String survey, String score, String comment, String touchpoint) {
  public static final SurveyFields DEFAULT =
      new SurveyFields("Survey Responded", "survey", "score", "comment", "touchpoint");

  public SurveyFields {
    require(event, "event");
    require(survey, "survey");
    require(score, "score");
    require(comment, "comment");
    require(touchpoint, "touchpoint");
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "the survey " + what + " name must not be empty; the default is in SurveyFields.DEFAULT");
    }
  }
}
