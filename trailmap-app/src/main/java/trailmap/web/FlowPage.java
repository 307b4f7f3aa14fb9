package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trailmap.access.Session;
import trailmap.flows.runtime.FlowSummary;
import trailmap.flows.runtime.FlowVersionInfo;

/**
 * One flow with its live statistics, drawn from the answer of {@code GET /api/flows/{id}/stats}:
 * what keeps it from running, entries and where profiles wait, each step's messages and
 * suppressions (chart and table), how runs ended, and goal conversion against the holdout.
 */
final class FlowPage {
  private FlowPage() {}

  static String render(
      FlowSummary flow, JsonNode stats, List<FlowVersionInfo> versions, Session session) {
    StringBuilder body = new StringBuilder();
    body.append("<p><a href=\"/flows\">← All flows</a></p><h1>")
        .append(Html.escape(flow.name()))
        .append(' ')
        .append(FlowListPage.statusBadge(flow))
        .append("</h1><p class=\"meta\">Flow <code>")
        .append(Html.escape(flow.id()))
        .append("</code> · ")
        .append(FlowListPage.versions(flow))
        .append(" · updated ")
        .append(Html.escape(FlowListPage.UPDATED_AT.format(flow.updatedAt())))
        .append("</p>");
    for (JsonNode warning : stats.path("warnings")) {
      body.append("<p class=\"error\" role=\"alert\">")
          .append(Html.escape(warning.asText()))
          .append("</p>");
    }
    body.append(tiles(stats));
    body.append("<h2>Steps</h2>");
    if (stats.path("steps").isEmpty()) {
      body.append("<p class=\"summary\">This flow has no steps.</p>");
    } else {
      body.append("<figure class=\"chart\">")
          .append(FlowCharts.steps(stats.path("steps")))
          .append("</figure>")
          .append(stepTable(stats.path("steps")));
    }
    body.append("<h2>Suppressed sends</h2>").append(suppressions(stats.path("suppressed")));
    body.append("<h2>Goal conversion against the holdout</h2><figure class=\"chart\">")
        .append(FlowCharts.conversion(stats.path("conversion")))
        .append("</figure><p class=\"conversion-verdict\">")
        .append(Html.escape(verdict(stats.path("conversion"))))
        .append("</p><p class=\"hint\">The same numbers as JSON: <code>GET /api/flows/")
        .append(Html.escape(flow.id()))
        .append("/stats</code>.</p>");
    body.append(versionTable(flow, versions));
    return Html.page(flow.name(), body.toString(), Optional.of(session));
  }

  /** The headline figures, each a number with what it counts. */
  private static String tiles(JsonNode s) {
    JsonNode entered = s.path("entered");
    JsonNode messages = s.path("messages");
    JsonNode ended = s.path("ended");
    StringBuilder out = new StringBuilder("<section class=\"tiles\" aria-label=\"figures\">");
    tile(
        out,
        "entered",
        entered.path("profiles").asLong(),
        "profiles entered",
        Html.count(entered.path("entries").asLong())
            + " entries · "
            + Html.count(entered.path("heldOut").asLong())
            + " held out");
    tile(out, "waiting", s.path("waiting").asLong(), "waiting now", "in a step of the flow");
    tile(
        out,
        "sent",
        messages.path("sent").asLong(),
        "messages sent",
        Html.count(messages.path("delivered").asLong())
            + " delivered · "
            + Html.count(messages.path("pending").asLong() + messages.path("retrying").asLong())
            + " on the way · "
            + Html.count(messages.path("failed").asLong())
            + " failed");
    tile(
        out,
        "suppressed",
        s.path("suppressed").path("total").asLong(),
        "sends suppressed",
        "by cause below");
    tile(
        out,
        "converted",
        ended.path("converted").asLong(),
        "converted",
        Html.count(ended.path("exited").asLong())
            + " exited · "
            + Html.count(ended.path("completed").asLong())
            + " completed");
    return out.append("</section>").toString();
  }

  private static void tile(StringBuilder out, String kind, long n, String label, String detail) {
    out.append("<div class=\"tile tile-")
        .append(kind)
        .append("\"><span class=\"figure\">")
        .append(Html.count(n))
        .append("</span><span class=\"label\">")
        .append(Html.escape(label))
        .append("</span><span class=\"numbers\">")
        .append(Html.escape(detail))
        .append("</span></div>");
  }

  private static String stepTable(JsonNode steps) {
    StringBuilder out =
        new StringBuilder(
            "<table class=\"steps\"><thead><tr><th>Step</th><th>Waiting</th><th>Sent</th>"
                + "<th>Delivered</th><th>On the way</th><th>Failed</th><th>Suppressed</th>"
                + "</tr></thead><tbody>");
    for (JsonNode step : steps) {
      out.append("<tr><td><code>")
          .append(Html.escape(step.path("id").asText()))
          .append("</code></td>");
      cell(out, step.path("waiting").asLong());
      cell(out, step.path("sent").asLong());
      cell(out, step.path("delivered").asLong());
      cell(out, step.path("pending").asLong() + step.path("retrying").asLong());
      cell(out, step.path("failed").asLong());
      out.append("<td>");
      if (step.path("suppressed").isEmpty()) {
        out.append('0');
      } else {
        String sep = "";
        for (Map.Entry<String, JsonNode> cause : step.path("suppressed").properties()) {
          out.append(sep)
              .append(Html.count(cause.getValue().asLong()))
              .append(' ')
              .append(Html.escape(cause.getKey().replace('_', ' ')));
          sep = ", ";
        }
      }
      out.append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  private static void cell(StringBuilder out, long n) {
    out.append("<td class=\"number\">").append(Html.count(n)).append("</td>");
  }

  /** Suppressions by cause, most first, each with one of its reasons as the timeline has it. */
  private static String suppressions(JsonNode suppressed) {
    if (suppressed.path("total").asLong() == 0) {
      return "<p class=\"summary\">None: every send this flow decided was handed on.</p>";
    }
    StringBuilder out =
        new StringBuilder(
            "<table class=\"suppressions\"><thead><tr><th>Cause</th><th>Sends</th>"
                + "<th>For example</th></tr></thead><tbody>");
    for (JsonNode cause : suppressed.path("byCause")) {
      out.append("<tr><td>")
          .append(Html.escape(cause.path("cause").asText().replace('_', ' ')))
          .append("</td>");
      cell(out, cause.path("count").asLong());
      out.append("<td>").append(Html.escape(cause.path("example").asText())).append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /**
   * The comparison in a sentence: both rates, the difference in points with its interval and the
   * test's p-value, and whether it is significant; or why there is nothing to compare yet.
   */
  static String verdict(JsonNode conversion) {
    JsonNode d = conversion.path("difference");
    if (!d.path("estimate").isNumber()) {
      return "Nothing to compare yet: "
          + d.path("note").asText("no profile has entered the flow")
          + ".";
    }
    String sentence =
        "Converted: "
            + group(conversion.path("treatment"))
            + " outside the holdout against "
            + group(conversion.path("holdout"))
            + " inside it, a difference of "
            + points(d.path("estimate").asDouble())
            + " (95 % interval "
            + points(d.path("low").asDouble())
            + " to "
            + points(d.path("high").asDouble())
            + ", "
            + named(d.path("method").asText())
            + "; "
            + named(d.path("test").asText())
            + ", p = "
            + String.format(Locale.ROOT, "%.3g", d.path("pValue").asDouble())
            + "): "
            + (d.path("significant").asBoolean()
                ? "significant at the 5 % level."
                : "not significant at the 5 % level; more profiles may tell.");
    return d.has("note") ? sentence + " " + d.path("note").asText() + "." : sentence;
  }

  /** The stats' wire names of its methods, as a reader knows them. */
  private static final Map<String, String> METHODS =
      Map.of(
          "newcombe-hybrid-score", "Newcombe's hybrid score",
          "two-proportion-z", "two-proportion z-test",
          "fisher-exact", "Fisher's exact test");

  private static String named(String method) {
    return METHODS.getOrDefault(method, method);
  }

  private static String group(JsonNode g) {
    return Html.percent(g.path("rate").asDouble())
        + " ("
        + Html.count(g.path("converted").asLong())
        + " of "
        + Html.count(g.path("profiles").asLong())
        + ")";
  }

  private static String points(double difference) {
    return String.format(Locale.ROOT, "%+.1f points", difference * 100);
  }

  /** The versions, newest first: when each was stored and published, and which is current. */
  private static String versionTable(FlowSummary flow, List<FlowVersionInfo> versions) {
    StringBuilder out =
        new StringBuilder(
            "<h2>Versions</h2><table class=\"versions\"><thead><tr><th>Version</th><th>Stored</th>"
                + "<th>Published</th><th></th></tr></thead><tbody>");
    for (FlowVersionInfo v : versions.reversed()) {
      boolean current = flow.currentVersion().equals(Optional.of(v.version()));
      out.append("<tr><td>v")
          .append(v.version())
          .append("</td><td>")
          .append(Html.escape(FlowListPage.UPDATED_AT.format(v.createdAt())))
          .append("</td><td>")
          .append(
              v.publishedAt()
                  .map(t -> Html.escape(FlowListPage.UPDATED_AT.format(t)))
                  .orElse("<span class=\"muted\">never</span>"))
          .append("</td><td>")
          .append(current ? "current (" + Html.escape(flow.status().wireName()) + ")" : "")
          .append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** The page for a flow id that does not exist. */
  static String notFound(String flowId, Session session) {
    return Html.page(
        "Flow not found",
        "<h1>Flow not found</h1><p>There is no flow with id <code>"
            + Html.escape(flowId)
            + "</code>.</p><p><a href=\"/flows\">← All flows</a></p>",
        Optional.of(session));
  }
}
