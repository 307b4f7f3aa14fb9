package trailmap.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import trailmap.access.Session;

/** HTML building blocks. Every value that reaches a page goes through {@link #escape}. */
final class Html {
  private Html() {}

  /** Escapes text for HTML element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A whole page.
   *
   * @param title plain text, escaped here
   * @param body HTML built from escaped parts
   */
  static String page(String title, String body, Optional<Session> session) {
    String header =
        session
            .map(
                s ->
                    "<form class=\"signout\" method=\"post\" action=\"/logout\">"
                        + "<span>Signed in as "
                        + escape(s.role().wireName())
                        + " (key "
                        + escape(s.keyId())
                        + ")</span> <button type=\"submit\">Sign out</button></form>")
            .orElse("");
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " · Trailmap</title><link rel=\"stylesheet\" href=\""
        + WebRoutes.STYLESHEET_PATH
        + "\"></head><body><header><a class=\"brand\" href=\"/\">Trailmap</a>"
        + (session.isPresent()
            ? "<nav class=\"sections\"><a href=\"/\">Maps</a><a href=\"/flows\">Flows</a>"
                + "<a href=\"/profiles\">Profiles</a></nav>"
            : "")
        + header
        + "</header><main>"
        + body
        + "</main></body></html>\n";
  }

  /** A state badge: {@code current} or {@code future}. */
  static String stateBadge(String state) {
    return "<span class=\"badge badge-" + escape(state) + "\">" + escape(state) + "</span>";
  }

  /** An {@code <option>} of a form's select, marked selected when it is {@code selected}. */
  static String option(String value, String label, String selected) {
    return "<option value=\""
        + escape(value)
        + "\""
        + (value.equals(selected) ? " selected" : "")
        + ">"
        + escape(label)
        + "</option>";
  }

  /** A count as the pages show it: 12,345. */
  static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  /** A share as the pages show it: 51.6 %. */
  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
  }

  /** A figure as the pages show it, three significant digits: 0.123, 45.6, 1230. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(3, RoundingMode.HALF_UP));
    return rounded.stripTrailingZeros().toPlainString();
  }

  /**
   * A time span as the pages show it, three significant digits: 45 min under an hour and a half,
   * 5.5 h under two days, 2.5 d after that.
   */
  static String duration(double seconds) {
    if (seconds < 5400) {
      return number(seconds / 60) + " min";
    }
    if (seconds < 172_800) {
      return number(seconds / 3600) + " h";
    }
    return number(seconds / 86_400) + " d";
  }

  /**
   * The top of a page about one map ({@code /maps/ID/PAGE}): a link back to the map, the heading
   * ({@code heading} then the map's name) and the opening of the page's GET form, which the caller
   * fills and closes.
   */
  static StringBuilder mapSubpage(trailmap.maps.JourneyMap map, String heading, String page) {
    String id = escape(map.id());
    return new StringBuilder("<p><a href=\"/maps/")
        .append(id)
        .append("\">← ")
        .append(escape(map.name()))
        .append("</a></p><h1>")
        .append(escape(heading))
        .append(' ')
        .append(escape(map.name()))
        .append("</h1><form class=\"paths-query\" method=\"get\" action=\"/maps/")
        .append(id)
        .append('/')
        .append(escape(page))
        .append("\">");
  }
}
