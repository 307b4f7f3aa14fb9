package trailmap.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import trailmap.access.Session;
import trailmap.store.MapSummary;

/** The list of maps: name, state, version, owner, review date and an overdue flag. */
final class MapListPage {
  private MapListPage() {}

  static String render(List<MapSummary> maps, LocalDate today, Session session) {
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
          .append("</td></tr>");
    }
    String table =
        maps.isEmpty()
            ? "<p>No maps yet. Create one with <code>POST /api/maps</code>, or start"
                + " <code>trailmap demo</code> for examples.</p>"
            : "<table class=\"maps\"><thead><tr><th>Map</th><th>State</th><th>Version</th>"
                + "<th>Owner</th><th>Review by</th></tr></thead><tbody>"
                + rows
                + "</tbody></table>";
    return Html.page("Maps", "<h1>Journey maps</h1>" + table, Optional.of(session));
  }
}
