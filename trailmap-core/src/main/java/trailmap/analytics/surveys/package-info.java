/**
 * Survey scores from survey events: NPS (0–10), CSAT (1–5, share of 4s and 5s) and CES (1–7, mean,
 * lower effort is better), each response attached to a touchpoint of a map, and summed per
 * touchpoint, stage, channel and ISO week with 95% intervals from {@link
 * trailmap.analytics.stats.SurveyIntervals}. {@link trailmap.analytics.surveys.SurveyResponses}
 * reads the responses of a table, {@link trailmap.analytics.surveys.Surveys} sums them. Pure
 * functions over an {@link trailmap.analytics.EventTable}; depends on the maps model, the matching
 * and the statistics only.
 */
package trailmap.analytics.surveys;
