package trailmap.analytics.friction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.ResponsesRead;
import trailmap.analytics.surveys.SurveyComment;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.SurveyResponse;
import trailmap.analytics.surveys.SurveyTally;
import trailmap.analytics.surveys.Surveys;
import trailmap.analytics.surveys.SurveysFound;
import trailmap.maps.JourneyMap;

/**
 * Low scores and negative feedback per touchpoint, from the survey answers attached to it. A low
 * score needs at least minimumN answers of its kind; negative feedback needs at least minimumN
 * negative comments. A comment is negative when given with an unhappy score (NPS 0-6, CSAT 1-3, CES
 * 5-7) or when it contains a negative word.
 */
final class FeedbackFinder {
  private FeedbackFinder() {}

  static List<FrictionItem> find(ResponsesRead read, JourneyMap map, FrictionRules rules) {
    SurveysFound found = Surveys.summarize(read, 0);
    List<FrictionItem> items = new ArrayList<>();
    found
        .byTouchpoint()
        .forEach(
            (touchpoint, group) -> {
              for (SurveyKind kind : SurveyKind.values()) {
                lowScore(touchpoint, group, kind, map, rules).ifPresent(items::add);
              }
            });
    Map<String, List<SurveyResponse>> commented = new LinkedHashMap<>();
    for (SurveyResponse r : read.responses()) {
      if (r.comment().isPresent() && r.touchpoint().isPresent()) {
        commented.computeIfAbsent(r.touchpoint().get(), t -> new ArrayList<>()).add(r);
      }
    }
    commented.forEach(
        (touchpoint, responses) -> {
          List<SurveyComment> negative = new ArrayList<>();
          Map<String, Long> words = new LinkedHashMap<>();
          for (SurveyResponse r : responses) {
            String text = r.comment().orElseThrow().toLowerCase(Locale.ROOT);
            boolean hit = r.kind().unhappy(r.score());
            for (String word : rules.negativeWords()) {
              if (text.contains(word)) {
                words.merge(word, 1L, Long::sum);
                hit = true;
              }
            }
            if (hit) {
              negative.add(
                  new SurveyComment(
                      r.profileId(),
                      r.micros(),
                      r.kind(),
                      r.score(),
                      r.comment().get(),
                      r.touchpoint()));
            }
          }
          if (negative.size() < rules.minimumN()) {
            return;
          }
          negative.sort(SurveyComment.MOST_RECENT_FIRST);
          double intensity = (double) negative.size() / responses.size();
          items.add(
              new FrictionItem(
                  Optional.of(touchpoint),
                  Optional.empty(),
                  Optional.empty(),
                  negative.size() * intensity,
                  negative.size(),
                  intensity,
                  new Evidence.NegativeFeedback(
                      negative.size(),
                      responses.size(),
                      words,
                      negative.stream().limit(3).map(SurveyComment::text).toList()),
                  Friction.painPoints(map, touchpoint)));
        });
    return items;
  }

  private static Optional<FrictionItem> lowScore(
      String touchpoint, SurveyGroup group, SurveyKind kind, JourneyMap map, FrictionRules rules) {
    SurveyTally tally = group.tally(kind);
    if (tally.n() < rules.minimumN()) {
      return Optional.empty();
    }
    Interval score = tally.interval();
    double value = score.estimate();
    double threshold;
    double intensity;
    switch (kind) {
      case CES -> {
        threshold = rules.cesAbove();
        intensity = (value - threshold) / (kind.max() - threshold);
      }
      case CSAT -> {
        threshold = rules.csatBelow();
        intensity = (threshold - value) / threshold;
      }
      case NPS -> {
        threshold = rules.npsBelow();
        intensity = (threshold - value) / (threshold + 100);
      }
      default -> throw new IllegalStateException();
    }
    if (intensity <= 0) {
      return Optional.empty();
    }
    intensity = Math.min(1, intensity);
    return Optional.of(
        new FrictionItem(
            Optional.of(touchpoint),
            Optional.empty(),
            Optional.empty(),
            tally.unhappy() * intensity,
            tally.unhappy(),
            intensity,
            new Evidence.LowScore(kind, score, threshold, tally.unhappy()),
            Friction.painPoints(map, touchpoint)));
  }
}
