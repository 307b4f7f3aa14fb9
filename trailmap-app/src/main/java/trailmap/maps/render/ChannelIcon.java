package trailmap.maps.render;

import java.util.Locale;

/**
 * Draws a touchpoint's channel as a small line icon (20 × 20 px) from plain SVG shapes, so the
 * drawing needs no emoji, icon font or image file and looks the same in SVG, PNG and PDF.
 *
 * <p>The channel is an open set: common synonyms share an icon ({@code app}, {@code ios} and {@code
 * android} look like {@code mobile}); an unknown channel gets a neutral circle.
 */
enum ChannelIcon {
  WEB,
  MOBILE,
  EMAIL,
  SMS,
  CHAT,
  PUSH,
  PHONE,
  STORE,
  SOCIAL,
  ADS,
  OTHER;

  static final double SIZE = 20;

  /** The icon for a channel name as written in a map, case-insensitively. */
  static ChannelIcon of(String channel) {
    return switch (channel.toLowerCase(Locale.ROOT).trim()) {
      case "web", "website", "site", "browser", "search", "seo" -> WEB;
      case "mobile", "app", "mobile-app", "in-app", "ios", "android" -> MOBILE;
      case "email", "e-mail", "mail", "newsletter" -> EMAIL;
      case "sms", "text", "whatsapp", "messaging" -> SMS;
      case "chat", "live-chat", "chatbot", "support" -> CHAT;
      case "push", "notification", "notifications" -> PUSH;
      case "phone", "call", "call-center", "callcenter", "voice" -> PHONE;
      case "store", "shop", "retail", "branch", "in-person", "event", "office" -> STORE;
      case "social", "community", "linkedin", "facebook", "instagram" -> SOCIAL;
      case "ads", "ad", "advertising", "display", "paid" -> ADS;
      default -> OTHER;
    };
  }

  /** Draws this icon with its top-left corner at ({@code x}, {@code y}). */
  void draw(SvgCanvas svg, double x, double y) {
    svg.open(
        "g",
        "transform",
        "translate(" + SvgCanvas.number(x) + " " + SvgCanvas.number(y) + ")",
        "fill",
        "none",
        "stroke",
        Palette.ICON,
        "stroke-width",
        1.6,
        "stroke-linejoin",
        "round",
        "stroke-linecap",
        "round");
    switch (this) {
      case WEB -> {
        svg.element("rect", "x", 1, "y", 3, "width", 18, "height", 14, "rx", 2);
        svg.element("line", "x1", 1, "y1", 7, "x2", 19, "y2", 7);
        dot(svg, 3.8, 5, 0.8);
        dot(svg, 6.2, 5, 0.8);
      }
      case MOBILE -> {
        svg.element("rect", "x", 5, "y", 1, "width", 10, "height", 18, "rx", 2);
        svg.element("line", "x1", 8.5, "y1", 15.5, "x2", 11.5, "y2", 15.5);
      }
      case EMAIL -> {
        svg.element("rect", "x", 1, "y", 4, "width", 18, "height", 12, "rx", 1.5);
        svg.element("polyline", "points", "1.5,5 10,11.5 18.5,5");
      }
      case SMS -> {
        bubble(svg);
        svg.element("line", "x1", 5, "y1", 7, "x2", 15, "y2", 7);
        svg.element("line", "x1", 5, "y1", 10, "x2", 12, "y2", 10);
      }
      case CHAT -> {
        bubble(svg);
        dot(svg, 6.5, 8.5, 1.1);
        dot(svg, 10, 8.5, 1.1);
        dot(svg, 13.5, 8.5, 1.1);
      }
      case PUSH -> {
        svg.element("path", "d", "M5 14 V9 A5 5 0 0 1 15 9 V14 L16.5 15.5 H3.5 Z");
        dot(svg, 10, 17.8, 1.3);
      }
      case PHONE ->
          svg.element(
              "path",
              "d",
              "M4 2.5 H7.5 L9 6.5 L7 8 A9 9 0 0 0 12 13 L13.5 11 L17.5 12.5 V16 "
                  + "A1.5 1.5 0 0 1 16 17.5 A14.5 14.5 0 0 1 2.5 4 A1.5 1.5 0 0 1 4 2.5 Z");
      case STORE -> {
        svg.element("path", "d", "M2 8 L3.5 3 H16.5 L18 8 Z");
        svg.element("rect", "x", 3, "y", 8, "width", 14, "height", 9);
        svg.element("rect", "x", 8, "y", 11, "width", 4, "height", 6);
      }
      case SOCIAL -> {
        svg.element("circle", "cx", 4.5, "cy", 10, "r", 2.3);
        svg.element("circle", "cx", 15.5, "cy", 4.5, "r", 2.3);
        svg.element("circle", "cx", 15.5, "cy", 15.5, "r", 2.3);
        svg.element("line", "x1", 6.6, "y1", 9, "x2", 13.4, "y2", 5.5);
        svg.element("line", "x1", 6.6, "y1", 11, "x2", 13.4, "y2", 14.5);
      }
      case ADS -> {
        svg.element("path", "d", "M2.5 8 H6 L15 3.5 V16.5 L6 12 H2.5 Z");
        svg.element("line", "x1", 5, "y1", 12, "x2", 6.5, "y2", 17);
        svg.element("line", "x1", 17.5, "y1", 8, "x2", 17.5, "y2", 12);
      }
      case OTHER -> {
        svg.element("circle", "cx", 10, "cy", 10, "r", 8);
        dot(svg, 10, 10, 2);
      }
    }
    svg.close("g");
  }

  private static void bubble(SvgCanvas svg) {
    svg.element(
        "path",
        "d",
        "M4 2.5 H16 A2.5 2.5 0 0 1 18.5 5 V12 A2.5 2.5 0 0 1 16 14.5 "
            + "H9 L5 18 V14.5 H4 A2.5 2.5 0 0 1 1.5 12 V5 A2.5 2.5 0 0 1 4 2.5 Z");
  }

  private static void dot(SvgCanvas svg, double cx, double cy, double r) {
    svg.element("circle", "cx", cx, "cy", cy, "r", r, "fill", Palette.ICON, "stroke", "none");
  }
}
