package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.friction.Evidence;
import trailmap.analytics.friction.Friction;
import trailmap.analytics.friction.FrictionItem;
import trailmap.analytics.friction.FrictionRules;
import trailmap.maps.JourneyMap;
import trailmap.maps.PainPoint;

/**
 * The friction analysis: a ranked list of the touchpoints and transitions where customers struggle,
 * each with its evidence, its score and the map's pain points it confirms (or a suggestion to add
 * one).
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants), {@code top} (items
 * listed, 1 to 1000, default 20), {@code issueProperty} (default {@code issue}), {@code
 * repeatWindow} (default {@code 7d}), {@code supportChannels} (default {@code ["chat", "phone",
 * "email"]}), {@code waitRatio} (default 4), {@code minimumN} (default 5), {@code cesAbove}
 * (default 4), {@code csatBelow} (default 0.7), {@code npsBelow} (default 0), the survey fields of
 * {@link SurveysAnalysis} and {@code map} (required). The answer: {@code {"counted": {…},
 * "itemCount": N, "items": [{"rank", "kind", "touchpoint", "to", "channel", "score", "affected",
 * "intensity", "description", "evidence": {…}, "onMap", "painPoints": [{"text", "severity"}],
 * "suggestion"}]}}.
 */
public final class FrictionAnalysis {
  static final Set<String> FIELDS;

  static {
    Set<String> fields = new HashSet<>(SurveyQuery.FIELDS);
    fields.addAll(
        Set.of(
            "from",
            "to",
            "top",
            "issueProperty",
            "repeatWindow",
            "supportChannels",
            "waitRatio",
            "minimumN",
            "cesAbove",
            "csatBelow",
            "npsBelow",
            "map"));
    FIELDS = Set.copyOf(fields);
  }

  static final int DEFAULT_TOP = 20;

  private FrictionAnalysis() {}

  /**
   * Runs the query over {@code table} against {@code map}.
   *
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "friction", FIELDS);
    JourneyMap journeyMap =
        map.orElseThrow(
            () ->
                InvalidQuery.at(
                    "map",
                    "friction is measured against a map's touchpoints; pass one with --map"
                        + " FILE|ID (HTTP: \"map\": ID)"));
    int top = reader.integer("top", DEFAULT_TOP, 1, 1000);
    FrictionRules d = FrictionRules.DEFAULT;
    List<String> channels = reader.texts("supportChannels");
    FrictionRules rules =
        new FrictionRules(
            reader.text("issueProperty").orElse(d.issueProperty()),
            QueryValues.window(reader, "repeatWindow").orElse(d.repeatWindowMicros()),
            reader.has("supportChannels") ? Set.copyOf(channels) : d.supportChannels(),
            QueryValues.number(query, "waitRatio", d.waitRatio(), 1.01, 1000),
            reader.integer("minimumN", d.minimumN(), 1, 1_000_000),
            QueryValues.number(query, "cesAbove", d.cesAbove(), 1, 6.99),
            QueryValues.number(query, "csatBelow", d.csatBelow(), 0.01, 1),
            QueryValues.number(query, "npsBelow", d.npsBelow(), -99, 100),
            d.negativeWords());
    Optional<Instant> from = reader.instant("from");
    Optional<Instant> to = reader.instant("to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw InvalidQuery.at(
          "to",
          "'" + to.get() + "' must be after from '" + from.get() + "'; the range is [from, to)");
    }
    EventFilter range =
        EventFilter.within(
            from.map(JourneyScope::micros).orElse(Long.MIN_VALUE),
            to.map(JourneyScope::micros).orElse(Long.MAX_VALUE));
    List<FrictionItem> items =
        Friction.of(table, journeyMap, SurveyQuery.fields(reader), rules, range);

    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    describe(answer.putObject("counted"), journeyMap, rules, from, to);
    answer.put("itemCount", items.size());
    ArrayNode list = answer.putArray("items");
    int rank = 1;
    for (FrictionItem item : items.subList(0, Math.min(top, items.size()))) {
      ObjectNode i = list.addObject();
      i.put("rank", rank++);
      i.put("kind", item.evidence().kind());
      i.put("touchpoint", item.touchpoint().orElse(null));
      item.to().ifPresent(t -> i.put("to", t));
      item.channel().ifPresent(c -> i.put("channel", c));
      i.put("score", item.score());
      i.put("affected", item.affected());
      i.put("intensity", item.intensity());
      i.put("description", item.evidence().describe());
      evidence(i.putObject("evidence"), item.evidence());
      i.put("onMap", item.onMap());
      ArrayNode pains = i.putArray("painPoints");
      for (PainPoint pain : item.painPoints()) {
        pains.addObject().put("text", pain.text()).put("severity", pain.severity().wireName());
      }
      item.suggestion().ifPresent(s -> i.put("suggestion", s));
    }
    return answer;
  }

  private static void evidence(ObjectNode e, Evidence evidence) {
    switch (evidence) {
      case Evidence.DropOff d -> {
        e.put("reached", d.reached()).put("dropped", d.dropped());
        SurveyJson.interval(e.putObject("share"), "value", d.share());
        e.put("expected", d.expected()).put("expectedFrom", d.expectedFrom());
      }
      case Evidence.RepeatContacts r -> {
        e.put("episodes", r.episodes()).put("repeated", r.repeated()).put("profiles", r.profiles());
        e.put("contacts", r.contacts()).put("crossChannel", r.crossChannel());
        e.put("windowSeconds", r.windowMicros() / 1_000_000);
        ObjectNode issues = e.putObject("topIssues");
        r.topIssues().forEach(issues::put);
      }
      case Evidence.LongWait w ->
          e.put("transitions", w.transitions())
              .put("longOnes", w.longOnes())
              .put("medianSeconds", w.medianSeconds())
              .put("p90Seconds", w.p90Seconds())
              .put("overallMedianSeconds", w.overallMedianSeconds());
      case Evidence.LowScore l -> {
        e.put("survey", l.survey().wireName());
        SurveyJson.interval(e.putObject("score"), "value", l.score());
        e.put("threshold", l.threshold()).put("unhappy", l.unhappy());
        SurveyJson.scale(e.putObject("scale"), l.survey());
      }
      case Evidence.NegativeFeedback n -> {
        e.put("negative", n.negative()).put("comments", n.comments());
        ObjectNode words = e.putObject("words");
        n.words().forEach(words::put);
        ArrayNode examples = e.putArray("examples");
        n.examples().forEach(examples::add);
      }
    }
  }

  private static void describe(
      ObjectNode counted,
      JourneyMap map,
      FrictionRules rules,
      Optional<Instant> from,
      Optional<Instant> to) {
    counted.put("map", map.id());
    ObjectNode r = counted.putObject("range");
    r.put("from", from.map(Instant::toString).orElse(null));
    r.put("to", to.map(Instant::toString).orElse(null));
    r.put("rule", "visits, contacts, steps and answers at or after from and before to");
    counted.put(
        "score",
        "affected x intensity: profiles, transitions or answers that struggle, times how far"
            + " beyond its threshold the finding is (0 to 1); highest first");
    counted.put(
        "drop-off",
        "profiles reaching a touchpoint (not in the last stage) who never reach a touchpoint of a"
            + " later stage, against the map's expectation (a drop-off or conversion hypothesis, a"
            + " drop-off or conversion KPI target, else the median drop-off of all touchpoints);"
            + " intensity (observed - expected) / (1 - expected)");
    counted.put(
        "repeat-contacts",
        "contacts with a '"
            + rules.issueProperty()
            + "' on channels "
            + String.join(", ", rules.supportChannels().stream().sorted().toList())
            + "; one profile's contacts about one issue within "
            + rules.repeatWindowMicros() / 1_000_000
            + " s of the first are one episode; repeated with 2 or more; intensity repeated /"
            + " episodes");
    counted.put(
        "long-wait",
        "transitions between consecutive touchpoint steps whose p90 gap is at least "
            + rules.waitRatio()
            + " times the median gap of all transitions; intensity 1 - threshold / p90");
    counted.put(
        "low-score",
        "touchpoints with CES above "
            + rules.cesAbove()
            + " (1-7, lower effort is better), CSAT below "
            + rules.csatBelow()
            + " or NPS below "
            + rules.npsBelow());
    counted.put(
        "negative-feedback",
        "comments given with an unhappy score (NPS 0-6, CSAT 1-3, CES 5-7) or containing a"
            + " negative word: "
            + String.join(", ", rules.negativeWords()));
    counted.put("minimumN", rules.minimumN());
    counted.put(
        "painPoints",
        "an item confirms the pain points of its touchpoint (of a transition: where it starts);"
            + " onMap false when it has none");
  }
}
