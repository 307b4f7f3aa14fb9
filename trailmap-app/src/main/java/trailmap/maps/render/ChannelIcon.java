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

  /** A speech bubble with its tail at the bottom left, for SMS and chat. */
  private static final String BUBBLE =
      "M4 2.5 H16 A2.5 2.5 0 0 1 18.5 5 V12 A2.5 2.5 0 0 1 16 14.5 "
          + "H9 L5 18 V14.5 H4 A2.5 2.5 0 0 1 1.5 12 V5 A2.5 2.5 0 0 1 4 2.5 Z";

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
    String translate = "translate(" + SvgCanvas.number(x) + " " + SvgCanvas.number(y) + ")";
    svg.open(
        "g",
        "transform",
        translate,
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
    String inherit = SvgCanvas.INHERIT;
    switch (this) {
      case WEB -> {
        svg.rect(1, 3, 18, 14, 2, inherit).line(1, 7, 19, 7, inherit, 0);
        svg.circle(3.8, 5, 0.3, Palette.ICON).circle(6.4, 5, 0.3, Palette.ICON);
      }
      case MOBILE -> svg.rect(5, 1, 10, 18, 2, inherit).line(8.5, 15.5, 11.5, 15.5, inherit, 0);
      case EMAIL -> svg.rect(1, 4, 18, 12, 1.5, inherit).path("M1.5 5 L10 11.5 L18.5 5");
      case SMS -> svg.path(BUBBLE).line(5, 7, 15, 7, inherit, 0).line(5, 10, 12, 10, inherit, 0);
      case CHAT -> {
        svg.path(BUBBLE).circle(6.5, 8.5, 0.5, Palette.ICON);
        svg.circle(10, 8.5, 0.5, Palette.ICON).circle(13.5, 8.5, 0.5, Palette.ICON);
      }
      case PUSH ->
          svg.path("M5 14 V9 A5 5 0 0 1 15 9 V14 L16.5 15.5 H3.5 Z")
              .circle(10, 17.8, 0.7, Palette.ICON);
      case PHONE ->
          svg.path(
              "M4 2.5 H7.5 L9 6.5 L7 8 A9 9 0 0 0 12 13 L13.5 11 L17.5 12.5 V16 "
                  + "A1.5 1.5 0 0 1 16 17.5 A14.5 14.5 0 0 1 2.5 4 A1.5 1.5 0 0 1 4 2.5 Z");
      case STORE ->
          svg.path("M2 8 L3.5 3 H16.5 L18 8 Z")
              .rect(3, 8, 14, 9, 0, inherit)
              .rect(8, 11, 4, 6, 0, inherit);
      case SOCIAL -> {
        svg.circle(4.5, 10, 2.3, inherit).circle(15.5, 4.5, 2.3, inherit);
        svg.circle(15.5, 15.5, 2.3, inherit);
        svg.line(6.6, 9, 13.4, 5.5, inherit, 0).line(6.6, 11, 13.4, 14.5, inherit, 0);
      }
      case ADS -> {
        svg.path("M2.5 8 H6 L15 3.5 V16.5 L6 12 H2.5 Z");
        svg.line(5, 12, 6.5, 17, inherit, 0).line(17.5, 8, 17.5, 12, inherit, 0);
      }
      case OTHER -> svg.circle(10, 10, 8, inherit).circle(10, 10, 1.2, Palette.ICON);
    }
    svg.close("g");
  }
}
