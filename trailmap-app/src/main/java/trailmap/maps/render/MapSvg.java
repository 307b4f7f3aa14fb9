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
 * notes, channel icons and the emotion curve. Every other picture format is made from this drawing.
 *
 * <p>Only presentation attributes are used (no CSS, no scripts, no external references), which
 * Batik, FOP and browsers all read the same way. Text elements carry a {@code class} naming their
 * {@link TextStyle}.
 */
final class MapSvg {
  static final String FONT_FAMILY = "DejaVu Sans, Arial, sans-serif";
  static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  private static final String STAGE_LINE = "#BCCCDC";

  /** Lanes whose top may hold a block running across a whole stage, top to bottom. */
  private static final List<Lane> BLOCK_LANES = List.of(Lane.LIVE, Lane.KPIS);

  private MapSvg() {}

  /** The {@code <svg>} element, without an XML declaration, so it can also go inside HTML. */
  static String draw(Grid grid) {
    SvgCanvas svg = new SvgCanvas();
    String size = SvgCanvas.number(grid.width()) + " " + SvgCanvas.number(grid.height());
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
        "0 0 " + size,
        "font-family",
        FONT_FAMILY,
        "role",
        "img",
        "aria-label",
        "Journey map: " + grid.map().name());
    svg.textElement("title", grid.map().name());
    svg.rect(0, 0, grid.width(), grid.height(), 0, Palette.BACKGROUND);
    grid.header().ifPresent(header -> header(svg, grid, header));
    lanes(svg, grid);
    stageBand(svg, grid);
    cells(svg, grid);
    EmotionCurve.draw(svg, grid);
    gridLines(svg, grid);
    svg.close("svg");
    return svg.toString();
  }

  private static void header(SvgCanvas svg, Grid grid, Grid.Header header) {
    MapState state = grid.map().state();
    String badge = state == MapState.CURRENT ? "CURRENT STATE" : "FUTURE STATE";
    double badgeHeight = GridLayout.BADGE_HEIGHT;
    double badgeWidth = TextStyle.BADGE.width(badge) + 24;
    svg.rect(MARGIN, MARGIN, badgeWidth, badgeHeight, badgeHeight / 2, Palette.stateBadge(state));
    svg.text(TextStyle.BADGE, MARGIN + 12, MARGIN + 15, badge, "#FFFFFF");
    double y = MARGIN + badgeHeight + 10;
    for (String line : header.titleLines()) {
      y += GridLayout.TITLE_LINE;
      svg.text(TextStyle.TITLE, MARGIN, y - 7, line, Palette.TEXT);
    }
    y += 2;
    for (String line : header.factLines()) {
      y += GridLayout.FACT_LINE;
      svg.text(TextStyle.FACTS, MARGIN, y - 5, line, Palette.MUTED);
    }
  }

  private static void stageBand(SvgCanvas svg, Grid grid) {
    Grid.Band band = grid.stageRow();
    label(svg, "Stages", band.y(), band.height());
    List<String> colours = Palette.STAGE_HEADERS;
    for (Grid.StageSpan stage : grid.stages()) {
      String colour = colours.get(stage.index() % colours.size());
      svg.rect(stage.x(), band.y(), stage.width(), band.height(), 0, colour);
      double x = stage.x() + CELL_PADDING;
      double y = band.y() + CELL_PADDING;
      for (String line : stage.nameLines()) {
        y += GridLayout.STAGE_LINE;
        svg.text(TextStyle.STAGE, x, y - 4, line, "#FFFFFF");
      }
      y += 4;
      for (String line : stage.descriptionLines()) {
        y += GridLayout.STAGE_DESCRIPTION_LINE;
        svg.text(TextStyle.STAGE_DESCRIPTION, x, y - 3, line, "#D9E2EC");
      }
    }
  }

  private static void lanes(SvgCanvas svg, Grid grid) {
    double left = MARGIN + LABEL_WIDTH;
    double width = grid.width() - MARGIN - left;
    List<Grid.Row> rows = grid.rows();
    for (int i = 0; i < rows.size(); i++) {
      Grid.Row row = rows.get(i);
      if (i % 2 == 1) {
        svg.rect(left, row.y(), width, row.height(), 0, Palette.ROW_ALTERNATE);
      }
      label(svg, row.lane().title(), row.y(), row.height());
    }
  }

  private static void label(SvgCanvas svg, String title, double y, double height) {
    svg.rect(MARGIN, y, LABEL_WIDTH, height, 0, Palette.LANE_LABEL);
    svg.text(TextStyle.LANE, MARGIN + 12, y + 22, title, Palette.TEXT);
  }

  private static void cells(SvgCanvas svg, Grid grid) {
    for (Lane lane : BLOCK_LANES) {
      if (!grid.has(lane)) {
        continue;
      }
      Grid.Row row = grid.row(lane);
      for (Grid.StageSpan stage : grid.stages()) {
        double blockHeight = GridLayout.stageBlockHeight(stage, lane);
        if (blockHeight > 0) {
          double left = stage.x() + CELL_PADDING;
          double right = stage.x() + stage.width() - CELL_PADDING;
          NoteDrawing.stack(svg, stage.block(lane), left, row.y() + CELL_PADDING, right - left);
          double y = row.y() + blockHeight;
          svg.dashedLine(left, y, right, y, Palette.GRID, 1, "4 3");
        }
      }
    }
    for (Grid.Column column : grid.columns()) {
      column.touchpoint().ifPresent(t -> touchpoint(svg, column, t, grid.row(Lane.TOUCHPOINTS)));
      double inner = column.width() - 2 * CELL_PADDING;
      for (Grid.Row row : grid.rows()) {
        double top = row.y() + CELL_PADDING;
        top += GridLayout.stageBlockHeight(grid.stages().get(column.stageIndex()), row.lane());
        NoteDrawing.stack(svg, column.notes(row.lane()), column.x() + CELL_PADDING, top, inner);
      }
    }
  }

  private static void touchpoint(SvgCanvas svg, Grid.Column column, Touchpoint t, Grid.Row row) {
    double x = column.x() + CELL_PADDING;
    double y = row.y() + CELL_PADDING;
    double inner = column.width() - 2 * CELL_PADDING;
    ChannelIcon.of(t.channel()).draw(svg, x, y);
    double iconSpace = ChannelIcon.SIZE + 8;
    String channel = t.channel().toUpperCase(Locale.ROOT);
    channel = TextWrap.ellipsize(channel, inner - iconSpace, TextStyle.CHANNEL);
    svg.text(TextStyle.CHANNEL, x + iconSpace, y + 14, channel, Palette.MUTED);
    y += GridLayout.ICON_ROW + 4;
    for (String line : column.nameLines()) {
      y += GridLayout.TOUCHPOINT_LINE;
      svg.text(TextStyle.TOUCHPOINT, x, y - 4, line, Palette.TEXT);
    }
  }

  private static void gridLines(SvgCanvas svg, Grid grid) {
    double left = MARGIN;
    double right = grid.width() - MARGIN;
    double top = grid.stageRow().y();
    double bottom = grid.height() - MARGIN;
    double lanesTop = top + grid.stageRow().height();
    for (Grid.Row row : grid.rows()) {
      svg.line(left, row.y(), right, row.y(), Palette.GRID, 1);
    }
    for (Grid.Column column : grid.columns()) {
      Grid.StageSpan stage = grid.stages().get(column.stageIndex());
      if (column.x() == stage.x()) {
        continue; // the stage's own, stronger line runs here
      }
      // Stop short of the stage's KPI and live blocks, which run across the stage's columns.
      double x = column.x();
      double y = lanesTop;
      for (Lane lane : BLOCK_LANES) {
        if (!grid.has(lane)) {
          continue;
        }
        Grid.Row row = grid.row(lane);
        double blockHeight = GridLayout.stageBlockHeight(stage, lane);
        if (blockHeight > 0) {
          svg.line(x, y, x, row.y(), Palette.GRID, 1);
          y = row.y() + blockHeight;
        }
      }
      svg.line(x, y, x, bottom, Palette.GRID, 1);
    }
    for (Grid.StageSpan stage : grid.stages()) {
      svg.line(stage.x(), top, stage.x(), bottom, STAGE_LINE, 1.5);
    }
    svg.open("g", "fill", "none", "stroke", STAGE_LINE, "stroke-width", 1.5);
    svg.rect(left, top, right - left, bottom - top, 0, SvgCanvas.INHERIT);
    svg.close("g");
  }
}
