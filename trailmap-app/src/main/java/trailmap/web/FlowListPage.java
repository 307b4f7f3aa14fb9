package trailmap.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import trailmap.access.Session;
import trailmap.flows.runtime.FlowSummary;

/**
 * The list of flows: name, status, the version taking entries, a newer draft, profiles inside now,
 * last change.
 */
final class FlowListPage {
  static final DateTimeFormatter UPDATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

  private FlowListPage() {}

  /**
   * @param waiting profiles inside a flow now, by flow id
   */
  static String render(List<FlowSummary> flows, Function<String, Long> waiting, Session session) {
    StringBuilder rows = new StringBuilder();
    for (FlowSummary flow : flows) {
      rows.append("<tr><td><a href=\"/flows/")
          .append(Html.escape(flow.id()))
          .append("\">")
          .append(Html.escape(flow.name()))
          .append("</a> <code class=\"muted\">")
          .append(Html.escape(flow.id()))
          .append("</code></td><td>")
          .append(statusBadge(flow))
          .append("</td><td>")
          .append(versions(flow))
          .append("</td><td class=\"number\">")
          .append(Html.count(waiting.apply(flow.id())))
          .append("</td><td>")
          .append(Html.escape(UPDATED_AT.format(flow.updatedAt())))
          .append("</td></tr>");
    }
    String table =
        flows.isEmpty()
            ? "<p>No flows yet. Create one with <code>POST /api/flows</code> (examples in"
                + " <code>examples/flows/</code>), or start <code>trailmap demo</code>.</p>"
            : "<table class=\"flows\"><thead><tr><th>Flow</th><th>Status</th><th>Version</th>"
                + "<th>Inside now</th><th>Updated</th></tr></thead><tbody>"
                + rows
                + "</tbody></table>";
    return Html.page(
        "Flows",
        "<h1>Flows</h1><p class=\"summary\">Open a flow for its step statistics and its goal"
            + " conversion against the holdout.</p>"
            + table,
        Optional.of(session));
  }

  /** The status as a badge: draft, published, paused or archived. */
  static String statusBadge(FlowSummary flow) {
    String status = flow.status().wireName();
    return "<span class=\"badge badge-flow-"
        + Html.escape(status)
        + "\">"
        + Html.escape(status)
        + "</span>";
  }

  /** "v2", with the newer draft when there is one ("v2 · draft v3"), or "draft v1". */
  static String versions(FlowSummary flow) {
    if (flow.currentVersion().isEmpty()) {
      return "draft v" + flow.latestVersion();
    }
    int current = flow.currentVersion().get();
    return "v"
        + current
        + (flow.latestVersion() > current ? " · draft v" + flow.latestVersion() : "");
  }
}
