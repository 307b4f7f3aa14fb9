package trailmap.maps.render;

import static trailmap.maps.render.GridLayout.CELL_PADDING;
import static trailmap.maps.render.GridLayout.LABEL_WIDTH;
import static trailmap.maps.render.GridLayout.MARGIN;

import java.util.List;
import java.util.Locale;
import trailmap.maps.MapState;
import trailmap.maps.Touchpoint;

/**
 * Draws a laid-out {@link Grid} as one standalone SVG element: header, stage band, lanes with their
 * notes, channel icons and the emotion curve. Every other format is made from this drawing.
 *
 * <p>Only presentation attributes are used (no CSS, no scripts, no external references), which
 * Batik, FOP and browsers all read the same way. Text elements carry a {@code class} naming what
 * they are ({@code title}, {@code stage}, {@code touchpoint}, {@code note}, ...).
 */
final class MapSvg {
  static final String FONT_FAMILY = "DejaVu Sans, Arial, sans-serif";
  static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

  private MapSvg() {}

  /** The {@code <svg>} element, without an XML declaration, so it can also go inside HTML. */
  static String draw(Grid grid) {
    SvgCanvas svg = new SvgCanvas();
    svg.open(
        "svg",
        "xmlns",
        SVG_NAMESPACE,
        "version",
        "1.1",
        "width",
        grid.width(),
        "height",
        grid.height(),
        "viewBox",
        "0 0 " + SvgCanvas.number(grid.width()) + " " + SvgCanvas.number(grid.height()),
        "font-family",
        FONT_FAMILY,
        "role",
        "img",
        "aria-label",
        "Journey map: " + grid.map().name());
    svg.textElement("title", grid.map().name());
    svg.element(
        "rect",
        "x",
        0,
        "y",
        0,
        "width",
        grid.width(),
        "height",
        grid.height(),
        "fill",
        Palette.BACKGROUND);
    header(svg, grid);
    lanes(svg, grid);
    stageBand(svg, grid);
    cells(svg, grid);
    EmotionCurve.draw(svg, grid);
    gridLines(svg, grid);
    svg.close("svg");
    return svg.toString();
  }

  private static void header(SvgCanvas svg, Grid grid) {
    MapState state = grid.map().state();
    String badge = state == MapState.CURRENT ? "CURRENT STATE" : "FUTURE STATE";
    double badgeWidth = TextMetrics.width(badge, 11, true) + 24;
    svg.element(
        "rect",
        "x",
        MARGIN,
        "y",
        MARGIN,
        "width",
        badgeWidth,
        "height",
        GridLayout.BADGE_HEIGHT,
        "rx",
        GridLayout.BADGE_HEIGHT / 2,
        "fill",
        Palette.stateBadge(state));
    svg.textElement(
        "text",
        badge,
        "class",
        "badge",
        "x",
        MARGIN + 12,
        "y",
        MARGIN + 15,
        "font-size",
        11,
        "font-weight",
        "bold",
        "fill",
        "#FFFFFF");
    double y = MARGIN + GridLayout.BADGE_HEIGHT + 10;
    for (String line : grid.header().titleLines()) {
      y += GridLayout.TITLE_LINE;
      svg.textElement(
          "text",
          line,
          "class",
          "title",
          "x",
          MARGIN,
          "y",
          y - 7,
          "font-size",
          GridLayout.TITLE_FONT,
          "font-weight",
          "bold",
          "fill",
          Palette.TEXT);
    }
    y += 2;
    for (String line : grid.header().factLines()) {
      y += GridLayout.FACT_LINE;
      svg.textElement(
          "text",
          line,
          "class",
          "facts",
          "x",
          MARGIN,
          "y",
          y - 5,
          "font-size",
          GridLayout.FACT_FONT,
          "fill",
          Palette.MUTED);
    }
  }

  private static void stageBand(SvgCanvas svg, Grid grid) {
    Grid.Band band = grid.stageRow();
    label(svg, "Stages", band.y(), band.height());
    for (Grid.StageSpan stage : grid.stages()) {
      svg.element(
          "rect",
          "x",
          stage.x(),
          "y",
          band.y(),
          "width",
          stage.width(),
          "height",
          band.height(),
          "fill",
          Palette.STAGE_HEADERS.get(stage.index() % Palette.STAGE_HEADERS.size()));
      double y = band.y() + CELL_PADDING;
      for (String line : stage.nameLines()) {
        y += GridLayout.STAGE_LINE;
        svg.textElement(
            "text",
            line,
            "class",
            "stage",
            "x",
            stage.x() + CELL_PADDING,
            "y",
            y - 4,
            "font-size",
            GridLayout.STAGE_FONT,
            "font-weight",
            "bold",
            "fill",
            "#FFFFFF");
      }
      y += 4;
      for (String line : stage.descriptionLines()) {
        y += GridLayout.STAGE_DESCRIPTION_LINE;
        svg.textElement(
            "text",
            line,
            "class",
            "stage-description",
            "x",
            stage.x() + CELL_PADDING,
            "y",
            y - 3,
            "font-size",
            GridLayout.STAGE_DESCRIPTION_FONT,
            "fill",
            "#D9E2EC");
      }
    }
  }

  private static void lanes(SvgCanvas svg, Grid grid) {
    double right = grid.width() - MARGIN;
    List<Grid.Row> rows = grid.rows();
    for (int i = 0; i < rows.size(); i++) {
      Grid.Row row = rows.get(i);
      if (i % 2 == 1) {
        svg.element(
            "rect",
            "x",
            MARGIN + LABEL_WIDTH,
            "y",
            row.y(),
            "width",
            right - MARGIN - LABEL_WIDTH,
            "height",
            row.height(),
            "fill",
            Palette.ROW_ALTERNATE);
      }
      label(svg, row.lane().title(), row.y(), row.height());
    }
  }

  private static void label(SvgCanvas svg, String title, double y, double height) {
    svg.element(
        "rect",
        "x",
        MARGIN,
        "y",
        y,
        "width",
        LABEL_WIDTH,
        "height",
        height,
        "fill",
        Palette.LANE_LABEL);
    svg.textElement(
        "text",
        title,
        "class",
        "lane",
        "x",
        MARGIN + 12,
        "y",
        y + 22,
        "font-size",
        13,
        "font-weight",
        "bold",
        "fill",
        Palette.TEXT);
  }

  private static void cells(SvgCanvas svg, Grid grid) {
    Grid.Row touchpoints = grid.row(Lane.TOUCHPOINTS);
    Grid.Row kpis = grid.row(Lane.KPIS);
    for (Grid.StageSpan stage : grid.stages()) {
      double kpiHeight = GridLayout.stageKpiHeight(stage);
      if (kpiHeight > 0) {
        NoteDrawing.stack(
            svg,
            stage.kpis(),
            stage.x() + CELL_PADDING,
            kpis.y() + CELL_PADDING,
            stage.width() - 2 * CELL_PADDING);
        svg.element(
            "line",
            "x1",
            stage.x() + CELL_PADDING,
            "y1",
            kpis.y() + kpiHeight,
            "x2",
            stage.x() + stage.width() - CELL_PADDING,
            "y2",
            kpis.y() + kpiHeight,
            "stroke",
            Palette.GRID,
            "stroke-dasharray",
            "4 3");
      }
    }
    for (Grid.Column column : grid.columns()) {
      column.touchpoint().ifPresent(t -> touchpoint(svg, column, t, touchpoints));
      double inner = column.width() - 2 * CELL_PADDING;
      for (Grid.Row row : grid.rows()) {
        double top = row.y() + CELL_PADDING;
        if (row.lane() == Lane.KPIS) {
          top += GridLayout.stageKpiHeight(grid.stages().get(column.stageIndex()));
        }
        NoteDrawing.stack(svg, column.notes(row.lane()), column.x() + CELL_PADDING, top, inner);
      }
    }
  }

  private static void touchpoint(SvgCanvas svg, Grid.Column column, Touchpoint t, Grid.Row row) {
    double x = column.x() + CELL_PADDING;
    double y = row.y() + CELL_PADDING;
    double inner = column.width() - 2 * CELL_PADDING;
    ChannelIcon.of(t.channel()).draw(svg, x, y);
    String channel = TextWrap.ellipsize(t.channel().toUpperCase(Locale.ROOT), inner - 28, 10, true);
    svg.textElement(
        "text",
        channel,
        "class",
        "channel",
        "x",
        x + 28,
        "y",
        y + 14,
        "font-size",
        10,
        "font-weight",
        "bold",
        "fill",
        Palette.MUTED);
    y += GridLayout.ICON_ROW + 4;
    for (String line : column.nameLines()) {
      y += GridLayout.TOUCHPOINT_LINE;
      svg.textElement(
          "text",
          line,
          "class",
          "touchpoint",
          "x",
          x,
          "y",
          y - 4,
          "font-size",
          GridLayout.TOUCHPOINT_FONT,
          "font-weight",
          "bold",
          "fill",
          Palette.TEXT);
    }
  }

  private static void gridLines(SvgCanvas svg, Grid grid) {
    double left = MARGIN;
    double right = grid.width() - MARGIN;
    double top = grid.stageRow().y();
    double bottom = grid.height() - MARGIN;
    double lanesTop = top + grid.stageRow().height();
    for (Grid.Row row : grid.rows()) {
      svg.element(
          "line",
          "x1",
          left,
          "y1",
          row.y(),
          "x2",
          right,
          "y2",
          row.y(),
          "stroke",
          Palette.GRID,
          "stroke-width",
          1);
    }
    for (Grid.Column column : grid.columns()) {
      svg.element(
          "line",
          "x1",
          column.x(),
          "y1",
          lanesTop,
          "x2",
          column.x(),
          "y2",
          bottom,
          "stroke",
          Palette.GRID,
          "stroke-width",
          1);
    }
    for (Grid.StageSpan stage : grid.stages()) {
      svg.element(
          "line",
          "x1",
          stage.x(),
          "y1",
          top,
          "x2",
          stage.x(),
          "y2",
          bottom,
          "stroke",
          "#BCCCDC",
          "stroke-width",
          1.5);
    }
    svg.element(
        "rect",
        "x",
        left,
        "y",
        top,
        "width",
        right - left,
        "height",
        bottom - top,
        "fill",
        "none",
        "stroke",
        "#BCCCDC",
        "stroke-width",
        1.5);
  }
}
