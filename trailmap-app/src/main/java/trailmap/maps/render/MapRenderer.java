package trailmap.maps.render;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import trailmap.analytics.live.LiveFigures;
import trailmap.maps.JourneyMap;

/**
 * Renders a map to any {@link RenderFormat}.
 *
 * <p>Every picture comes from one SVG drawing of the classic journey map grid (stages across, lanes
 * down, one emotion curve per persona): SVG is that drawing, HTML embeds it (without its own
 * heading) under the map's heading, description and personas, PNG (Batik) and PDF (FOP) are made
 * from it. Mermaid is the map as a Mermaid {@code journey} diagram. Output depends on the map alone
 * — no clock, no installed fonts in the layout — so the same map always gives the same SVG, HTML
 * and Mermaid bytes.
 *
 * <p>PNG is drawn at twice the SVG's size, at most 8,192 pixels wide and never below 1× (only a map
 * over 40 megapixels at 1× is shrunk to that budget). PDF keeps text as text and embeds the
 * system's fonts; the first PDF on a machine takes a few seconds longer while FOP indexes the fonts
 * (it keeps the index in {@code ~/.fop}). A normal map's PNG takes about 0.3 s of CPU.
 *
 * <p>Thread-safe: every call works on its own objects.
 *
 * <pre>{@code
 * byte[] png = MapRenderer.render(map, RenderFormat.PNG);
 * }</pre>
 */
public final class MapRenderer {
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private MapRenderer() {}

  /**
   * The rendered bytes (UTF-8 for the text formats).
   *
   * @throws RenderException when Batik or FOP fail to draw PNG or PDF
   */
  public static byte[] render(JourneyMap map, RenderFormat format) {
    return render(map, format, Optional.empty());
  }

  /**
   * The rendered bytes, with the live figures drawn in when given: a "Live data" lane under the
   * touchpoints (reach, conversion onwards, survey scores, KPIs against target, hypothesis
   * verdicts) and the emotion from surveys as a second curve beside the drawn ones. Mermaid has no
   * room for them and ignores them.
   *
   * @param live figures of this map (by touchpoint and stage id)
   * @throws RenderException when Batik or FOP fail to draw PNG or PDF
   */
  public static byte[] render(JourneyMap map, RenderFormat format, Optional<LiveFigures> live) {
    return switch (format) {
      case SVG -> utf8(XML_DECLARATION + MapSvg.draw(GridLayout.layout(map, true, live)));
      case HTML -> utf8(HtmlPage.write(map, MapSvg.draw(GridLayout.layout(map, false, live))));
      case PNG -> {
        Grid grid = GridLayout.layout(map, true, live);
        yield PngImage.render(MapSvg.draw(grid), grid.width(), grid.height());
      }
      case PDF -> PdfDocument.render(MapSvg.draw(GridLayout.layout(map, true, live)));
      case MERMAID -> utf8(MermaidJourney.write(map));
    };
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
