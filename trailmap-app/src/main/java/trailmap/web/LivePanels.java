package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import trailmap.analytics.hypotheses.HypothesisResult;
import trailmap.analytics.hypotheses.Verdict;
import trailmap.analytics.live.LiveFigures;
import trailmap.analytics.live.LiveKpi;
import trailmap.analytics.live.TouchpointFigures;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.JourneyMap;
import trailmap.maps.Touchpoint;

/**
 * The living map's parts of the map page: the hypothesis verdicts with their numbers, the friction
 * found in the data, and a table of every touchpoint's live figures. Every value is escaped.
 */
final class LivePanels {
  /** Friction items listed on the page. */
  static final int FRICTION_SHOWN = 8;

  private LivePanels() {}

  /** Verdicts and friction, side by side. */
  static String onTheData(LiveFigures live, JsonNode friction) {
    return "<section class=\"on-data\" aria-label=\"on the data\">"
        + verdicts(live)
        + frictionList(friction)
        + "</section>";
  }

  static String summary(List<HypothesisResult> results) {
    long supported = results.stream().filter(r -> r.verdict() == Verdict.SUPPORTED).count();
    long refuted = results.stream().filter(r -> r.verdict() == Verdict.REFUTED).count();
    long open = results.size() - supported - refuted;
    return supported + " supported · " + refuted + " refuted · " + open + " not enough data";
  }

  private static String verdicts(LiveFigures live) {
    StringBuilder out = new StringBuilder("<div><h2>Hypotheses on the data</h2>");
    if (live.hypotheses().isEmpty()) {
      return out.append("<p class=\"summary\">This map states no hypotheses.</p></div>").toString();
    }
    out.append("<p class=\"summary\">").append(Html.escape(summary(live.hypotheses())));
    out.append(" (at least ").append(live.minimumN()).append(" observations each)</p>");
    out.append("<ul class=\"verdicts\">");
    for (HypothesisResult r : live.hypotheses()) {
      String verdict = r.verdict().wireName();
      Interval m = r.measured();
      String numbers =
          r.hypothesis().metric().wireName()
              + " at "
              + r.touchpoint()
              + ": "
              + (m.defined() ? Html.number(m.estimate()) + " " + r.unit() : "no data")
              + ", n "
              + m.n()
              + " — "
              + r.judgement().reason();
      out.append("<li class=\"verdict\" title=\"")
          .append(Html.escape(numbers))
          .append("\"><span class=\"badge badge-")
          .append(Html.escape(verdict))
          .append("\">")
          .append(Html.escape(verdict.replace('-', ' ')))
          .append("</span> ")
          .append(Html.escape(r.hypothesis().claim()))
          .append("<span class=\"numbers\">")
          .append(Html.escape(numbers))
          .append("</span></li>");
    }
    return out.append("</ul></div>").toString();
  }

  private static String frictionList(JsonNode friction) {
    StringBuilder out = new StringBuilder("<div><h2>Friction found in the data</h2>");
    JsonNode items = friction.path("items");
    if (items.isEmpty()) {
      return out.append("<p class=\"summary\">No friction stands out in the data.</p></div>")
          .toString();
    }
    out.append("<p class=\"summary\">")
        .append(Html.escape(friction.path("itemCount").asText()))
        .append(" findings, the strongest first (affected × intensity)</p><ol class=\"friction\">");
    int shown = 0;
    for (JsonNode item : items) {
      if (shown++ == FRICTION_SHOWN) {
        break;
      }
      String where =
          item.path("touchpoint").asText("")
              + (item.path("to").isTextual() ? " → " + item.path("to").asText() : "");
      out.append("<li><span class=\"badge badge-kind\">")
          .append(Html.escape(item.path("kind").asText()))
          .append("</span> <strong>")
          .append(Html.escape(where))
          .append("</strong>: ")
          .append(Html.escape(item.path("description").asText()))
          .append("<span class=\"evidence\">Evidence: ")
          .append(Html.escape(evidence(item.path("evidence"))))
          .append(" · score ")
          .append(Html.escape(Html.number(item.path("score").asDouble())))
          .append("</span><span class=\"on-map\">");
      if (item.path("onMap").asBoolean(false)) {
        List<String> pains = new ArrayList<>();
        item.path("painPoints").forEach(p -> pains.add(p.path("text").asText()));
        out.append("On the map: ").append(Html.escape(String.join("; ", pains)));
      } else {
        out.append("<em>Not on the map</em>");
        if (item.path("suggestion").isTextual()) {
          out.append(" — ").append(Html.escape(item.path("suggestion").asText()));
        }
      }
      out.append("</span></li>");
    }
    return out.append("</ol></div>").toString();
  }

  /** The evidence object as {@code key value, …}; nested objects inline. */
  static String evidence(JsonNode evidence) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : evidence.properties()) {
      JsonNode v = field.getValue();
      String value =
          v.isObject() || v.isArray()
              ? v.toString()
              : v.isNumber() ? Html.number(v.asDouble()) : v.asText();
      parts.add(field.getKey() + " " + value);
    }
    return String.join(", ", parts);
  }

  /** A table of every touchpoint's live figures: reach, onwards, surveys, emotions and KPIs. */
  static String figures(JourneyMap map, LiveFigures live) {
    StringBuilder out =
        new StringBuilder(
            "<h2>Live figures per touchpoint</h2><table class=\"live\"><thead><tr>"
                + "<th>Touchpoint</th><th>Reached</th><th>On to next</th>"
                + "<th>Median to next</th><th>Surveys</th><th>Emotion drawn / from surveys</th>"
                + "<th>KPIs against target</th></tr></thead><tbody>");
    for (Touchpoint t : map.touchpoints().toList()) {
      TouchpointFigures f = live.touchpoint(t.id()).orElseThrow();
      out.append("<tr><td>").append(Html.escape(t.name())).append("</td><td>");
      out.append(f.reached()).append("</td><td>");
      out.append(
          f.onwards()
              .map(o -> o.conversion().defined() ? percent(o.conversion().estimate()) : "—")
              .orElse("journey ends"));
      out.append("</td><td>");
      out.append(
          f.onwards()
              .filter(o -> o.medianSeconds().defined())
              .map(o -> Html.escape(Html.duration(o.medianSeconds().estimate())))
              .orElse("—"));
      out.append("</td><td>");
      List<String> scores = new ArrayList<>();
      for (SurveyKind kind : SurveyKind.values()) {
        Interval s = f.scores().get(kind);
        if (s.defined()) {
          scores.add(
              kind.name()
                  + " "
                  + (kind == SurveyKind.CSAT ? percent(s.estimate()) : Html.number(s.estimate()))
                  + " (n "
                  + s.n()
                  + ")");
        }
      }
      out.append(scores.isEmpty() ? "—" : Html.escape(String.join(", ", scores)));
      out.append("</td><td>")
          .append(f.drawn().map(Html::number).orElse("—"))
          .append(" / ")
          .append(
              f.emotion()
                  .score()
                  .map(s -> Html.escape(Html.number(s) + " (n " + f.emotion().n() + ")"))
                  .orElse("no data"))
          .append("</td><td>");
      if (f.kpis().isEmpty()) {
        out.append("—");
      } else {
        out.append("<ul>");
        for (LiveKpi kpi : f.kpis()) {
          out.append("<li><span class=\"badge badge-")
              .append(Html.escape(kpi.status().wireName()))
              .append("\">")
              .append(Html.escape(kpi.status().wireName().replace('-', ' ')))
              .append("</span> ")
              .append(Html.escape(kpi.kpi().name()))
              .append(": <span class=\"muted\">")
              .append(Html.escape(kpi.reason()))
              .append(kpiTarget(kpi))
              .append("</span></li>");
        }
        out.append("</ul>");
      }
      out.append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  private static String kpiTarget(LiveKpi kpi) {
    if (kpi.live().isPresent()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    kpi.kpi().target().ifPresent(t -> text.append("; target ").append(Html.number(t)));
    kpi.kpi().current().ifPresent(c -> text.append("; team's figure ").append(Html.number(c)));
    text.append(kpi.kpi().unit().isEmpty() || text.isEmpty() ? "" : " " + kpi.kpi().unit());
    return Html.escape(text.toString());
  }

  private static String percent(double share) {
    return Html.number(share * 100) + "%";
  }
}
