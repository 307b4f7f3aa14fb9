package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.access.Session;
import trailmap.store.MapSummary;

/** The list of maps: name, state, version, owner, review date and an overdue flag. */
final class MapListPage {
  private MapListPage() {}

  /**
   * @param live each map measured on the data, by map id; a map without an entry shows a dash
   */
  static String render(
      List<MapSummary> maps, Map<String, LiveView> live, LocalDate today, Session session) {
    StringBuilder rows = new StringBuilder();
    for (MapSummary map : maps) {
      String review = map.reviewBy().map(LocalDate::toString).orElse("—");
      String overdue =
          map.isReviewOverdue(today)
              ? " <span class=\"badge badge-overdue\">review overdue</span>"
              : "";
      rows.append("<tr><td><a href=\"/maps/")
          .append(Html.escape(map.id()))
          .append("\">")
          .append(Html.escape(map.name()))
          .append("</a></td><td>")
          .append(Html.stateBadge(map.state().wireName()))
          .append("</td><td>")
          .append(map.version())
          .append("</td><td>")
          .append(Html.escape(map.owner()))
          .append("</td><td>")
          .append(Html.escape(review))
          .append(overdue)
          .append("</td><td>")
          .append(onTheData(map.id(), live.get(map.id())))
          .append("</td></tr>");
    }
    String table =
        maps.isEmpty()
            ? "<p>No maps yet. Create one with <code>POST /api/maps</code>, or start"
                + " <code>trailmap demo</code> for examples.</p>"
            : "<table class=\"maps\"><thead><tr><th>Map</th><th>State</th><th>Version</th>"
                + "<th>Owner</th><th>Review by</th><th>On the data</th></tr></thead><tbody>"
                + rows
                + "</tbody></table>";
    return Html.page("Maps", "<h1>Journey maps</h1>" + table, Optional.of(session));
  }

  /** The verdict counts and the strongest friction, linking to the map page that explains them. */
  private static String onTheData(String mapId, LiveView live) {
    if (live == null) {
      return "<span class=\"muted\">—</span>";
    }
    StringBuilder out = new StringBuilder();
    if (!live.figures().hypotheses().isEmpty()) {
      out.append("<span class=\"verdict-counts\">")
          .append(Html.escape(LivePanels.summary(live.figures().hypotheses())))
          .append("</span>");
    }
    JsonNode top = live.friction().path("items").path(0);
    if (!top.isMissingNode()) {
      out.append("<span class=\"evidence top-friction\">Top friction: <a href=\"/maps/")
          .append(Html.escape(mapId))
          .append("\">")
          .append(Html.escape(top.path("description").asText()))
          .append("</a></span>");
    }
    return out.isEmpty() ? "<span class=\"muted\">nothing stands out</span>" : out.toString();
  }
}
