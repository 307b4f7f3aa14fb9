package trailmap.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import trailmap.access.Session;
import trailmap.maps.JourneyMap;
import trailmap.maps.render.RenderFormat;
import trailmap.store.MapVersion;

/** One map: the rendered grid, download links for each format and the version list. */
final class MapPage {
  private static final java.time.format.DateTimeFormatter SAVED_AT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  private MapPage() {}

  /**
   * @param svg the renderer's SVG drawing of the map (the renderer escapes the map's text), or
   *     empty when rendering failed, in which case a notice is shown instead
   * @param live the map measured on the data (verdicts, friction, figures); empty when the server
   *     holds no events, in which case the page says so
   */
  static String render(
      JourneyMap map,
      int version,
      Optional<String> svg,
      List<MapVersion> versions,
      LocalDate today,
      Session session,
      Optional<LiveView> live) {
    String id = Html.escape(map.id());
    StringBuilder body = new StringBuilder();
    body.append("<p><a href=\"/\">← All maps</a></p><h1>")
        .append(Html.escape(map.name()))
        .append(' ')
        .append(Html.stateBadge(map.state().wireName()))
        .append("</h1><p class=\"meta\">Version ")
        .append(version);
    if (!map.owner().isEmpty()) {
      body.append(" · owner ").append(Html.escape(map.owner()));
    }
    map.reviewBy()
        .ifPresent(
            date ->
                body.append(" · review by ")
                    .append(Html.escape(date.toString()))
                    .append(
                        map.isStale(today)
                            ? " <span class=\"badge badge-overdue\">review overdue</span>"
                            : ""));
    body.append("</p>");
    if (!map.description().isEmpty()) {
      body.append("<p>").append(Html.escape(map.description())).append("</p>");
    }
    live.ifPresentOrElse(
        l -> body.append(LivePanels.onTheData(l.figures(), l.friction())),
        () ->
            body.append(
                "<p class=\"summary\">No events yet: send some to <code>/v1/batch</code> (or"
                    + " start <code>trailmap demo</code>) and this page shows the map's live"
                    + " figures, hypothesis verdicts and friction.</p>"));
    body.append("<section class=\"grid\" aria-label=\"journey map\">")
        .append(
            svg.orElse(
                "<p class=\"error\">This map could not be drawn; the server log says why.</p>"))
        .append("</section>");
    live.ifPresent(
        l ->
            body.append("<p class=\"paths-link\"><a href=\"/maps/")
                .append(id)
                .append(
                    "/paths\">Paths through this map →</a> where customers really go, step by"
                        + " step, as a Sankey diagram · <a href=\"/maps/")
                .append(id)
                .append("/funnel\">Funnel through the stages →</a></p>"));
    live.ifPresent(l -> body.append(LivePanels.figures(map, l.figures())));
    body.append("<h2>Download</h2><ul class=\"downloads\">");
    for (RenderFormat format : RenderFormat.values()) {
      body.append("<li><a href=\"/maps/")
          .append(id)
          .append("/download/")
          .append(format.wireName())
          .append("\">")
          .append(format.wireName().toUpperCase(java.util.Locale.ROOT))
          .append("</a></li>");
    }
    if (live.isPresent()) {
      for (RenderFormat format : RenderFormat.values()) {
        if (format == RenderFormat.MERMAID) {
          continue;
        }
        body.append("<li><a href=\"/maps/")
            .append(id)
            .append("/download/")
            .append(format.wireName())
            .append("?live=true\">")
            .append(format.wireName().toUpperCase(java.util.Locale.ROOT))
            .append(" with live figures</a></li>");
      }
    }
    body.append("</ul><h2>Versions</h2><table class=\"versions\"><thead><tr><th>Version</th>")
        .append("<th>Saved at</th><th>Saved with key</th></tr></thead><tbody>");
    for (MapVersion v : versions.reversed()) {
      body.append("<tr><td>")
          .append(v.number())
          .append("</td><td>")
          .append(Html.escape(SAVED_AT.format(v.createdAt())))
          .append("</td><td>")
          .append(Html.escape(v.keyId()))
          .append("</td></tr>");
    }
    body.append("</tbody></table>");
    return Html.page(map.name(), body.toString(), Optional.of(session));
  }

  /** The page for a map id that does not exist. */
  static String notFound(String mapId, Session session) {
    return Html.page(
        "Map not found",
        "<h1>Map not found</h1><p>There is no map with id <code>"
            + Html.escape(mapId)
            + "</code>.</p><p><a href=\"/\">← All maps</a></p>",
        Optional.of(session));
  }
}
