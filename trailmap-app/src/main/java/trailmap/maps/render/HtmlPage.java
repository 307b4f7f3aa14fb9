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
      .badge{display:inline-block;padding:3px 12px;border-radius:11px;color:#fff;\
      font-size:12px;font-weight:bold;letter-spacing:.04em}
      .badge.current{background:#486581}.badge.future{background:#6D4BA3}
      .description{margin:4px 0 10px;max-width:70em}
      .facts{display:flex;flex-wrap:wrap;gap:4px 28px;margin:0;color:#52606D;font-size:14px}
      .facts dt{font-weight:bold;display:inline}.facts dd{display:inline;margin:0 0 0 6px}
      .personas{display:flex;flex-wrap:wrap;gap:12px;padding:0;margin:0;list-style:none}
      .persona{background:#fff;border:1px solid #D9E2EC;border-radius:8px;padding:12px 16px;\
      max-width:320px;font-size:14px}
      .persona p{margin:0 0 6px}.persona ul{margin:0 0 6px;padding-left:18px}
      .persona .label{font-size:12px;font-weight:bold;color:#52606D;text-transform:uppercase;\
      margin:6px 0 2px}
      .map{overflow-x:auto;padding:8px 32px 32px}
      .map svg{display:block;background:#fff;border-radius:6px;box-shadow:0 1px 3px #BCCCDC}
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
    out.append("<span class=\"badge ")
        .append(current ? "current\">Current state" : "future\">Future state")
        .append("</span>\n");
    out.append("<h1>").append(e(map.name())).append("</h1>\n");
    if (!map.description().isBlank()) {
      out.append("<p class=\"description\">").append(e(map.description())).append("</p>\n");
    }
    out.append("<dl class=\"facts\">\n");
    if (!map.owner().isBlank()) {
      fact(out, "Owner", map.owner());
    }
    map.reviewBy().ifPresent(date -> fact(out, "Review by", date.toString()));
    map.improves().ifPresent(id -> fact(out, "Improves", id));
    out.append("</dl>\n<h2>Personas</h2>\n<ul class=\"personas\">\n");
    for (Persona persona : map.personas()) {
      out.append("<li class=\"persona\"><h3>").append(e(persona.name())).append("</h3>\n");
      if (!persona.description().isBlank()) {
        out.append("<p>").append(e(persona.description())).append("</p>\n");
      }
      list(out, "Goals", persona.goals());
      list(out, "Motivations", persona.motivations());
      out.append("</li>\n");
    }
    out.append("</ul>\n</header>\n<main class=\"map\">\n").append(svg).append("</main>\n");
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
    out.append("<p class=\"label\">").append(title).append("</p>\n<ul>\n");
    for (String item : items) {
      out.append("<li>").append(e(item)).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static String e(String text) {
    return Markup.escape(text);
  }
}
