package trailmap.maps.render;

import java.util.List;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Persona;

/**
 * Wraps the map's SVG drawing in one self-contained HTML page: inline CSS, the map's description
 * and personas (with goals and motivations) above the grid, no script and no external reference.
 * Every piece of map text is escaped, and a Content-Security-Policy that allows no script is set as
 * a second line of defence.
 */
final class HtmlPage {
  private static final String STYLE =
      """
      body{margin:0;background:#F5F7FA;color:#1F2933;\
      font-family:"DejaVu Sans",Arial,sans-serif;line-height:1.45}
      header{max-width:1100px;padding:28px 32px 8px}
      h1{margin:8px 0 6px;font-size:26px}
      h2{font-size:16px;margin:22px 0 8px;color:#334E68}
      h3{font-size:15px;margin:0 0 4px}
      .page-badge{display:inline-block;padding:3px 12px;border-radius:11px;color:#fff;\
      font-size:12px;font-weight:bold;letter-spacing:.04em}
      .page-badge.page-current{background:#486581}.page-badge.page-future{background:#6D4BA3}
      .page-description{margin:4px 0 10px;max-width:70em}
      .page-facts{display:flex;flex-wrap:wrap;gap:4px 28px;margin:0;color:#52606D;font-size:14px}
      .page-facts dt{font-weight:bold;display:inline}.page-facts dd{display:inline;margin:0 0 0 6px}
      .page-personas{display:flex;flex-wrap:wrap;gap:12px;padding:0;margin:0;list-style:none}
      .page-persona{background:#fff;border:1px solid #D9E2EC;border-radius:8px;padding:12px 16px;\
      max-width:320px;font-size:14px}
      .page-persona p{margin:0 0 6px}.page-persona ul{margin:0 0 6px;padding-left:18px}
      .page-persona .page-label{font-size:12px;font-weight:bold;color:#52606D;text-transform:uppercase;\
      margin:6px 0 2px}
      .page-map{overflow-x:auto;padding:8px 32px 32px}
      .page-map svg{display:block;background:#fff;border-radius:6px;box-shadow:0 1px 3px #BCCCDC}
      """;

  private HtmlPage() {}

  static String write(JourneyMap map, String svg) {
    StringBuilder out = new StringBuilder(svg.length() + 8192);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\">\n");
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.append("<title>").append(e(map.name())).append(" — journey map</title>\n");
    out.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n");
    boolean current = map.state() == MapState.CURRENT;
    out.append("<span class=\"page-badge page-")
        .append(current ? "current\">Current state" : "future\">Future state")
        .append("</span>\n");
    out.append("<h1>").append(e(map.name())).append("</h1>\n");
    if (!map.description().isBlank()) {
      out.append("<p class=\"page-description\">").append(e(map.description())).append("</p>\n");
    }
    out.append("<dl class=\"page-facts\">\n");
    if (!map.owner().isBlank()) {
      fact(out, "Owner", map.owner());
    }
    map.reviewBy().ifPresent(date -> fact(out, "Review by", date.toString()));
    map.improves().ifPresent(id -> fact(out, "Improves", id));
    out.append("</dl>\n<h2>Personas</h2>\n<ul class=\"page-personas\">\n");
    List<Persona> personas = map.personas();
    for (int p = 0; p < personas.size(); p++) {
      Persona persona = personas.get(p);
      // The card's edge has the colour of the persona's emotion curve in the drawing.
      out.append("<li class=\"page-persona\" style=\"border-left:4px solid ")
          .append(Palette.persona(p))
          .append("\"><h3>")
          .append(e(persona.name()))
          .append("</h3>\n");
      if (!persona.description().isBlank()) {
        out.append("<p>").append(e(persona.description())).append("</p>\n");
      }
      list(out, "Goals", persona.goals());
      list(out, "Motivations", persona.motivations());
      out.append("</li>\n");
    }
    out.append("</ul>\n</header>\n<main class=\"page-map\">\n").append(svg).append("</main>\n");
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void fact(StringBuilder out, String name, String value) {
    out.append("<div><dt>").append(name).append("</dt><dd>").append(e(value));
    out.append("</dd></div>\n");
  }

  private static void list(StringBuilder out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append("<p class=\"page-label\">").append(title).append("</p>\n<ul>\n");
    for (String item : items) {
      out.append("<li>").append(e(item)).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static String e(String text) {
    return Markup.escape(text);
  }
}
