package trailmap.maps.render;

import static trailmap.maps.render.GridLayout.EMOTION_STEP;
import static trailmap.maps.render.GridLayout.EMOTION_TOP;
import static trailmap.maps.render.GridLayout.LABEL_WIDTH;
import static trailmap.maps.render.GridLayout.MARGIN;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.maps.Emotion;
import trailmap.maps.Persona;

/**
 * Draws the emotion lane: a scale from −2 (bottom) to +2 (top) with a neutral line, and one
 * labelled polyline per persona through the touchpoints where that persona has an emotion.
 *
 * <p>A touchpoint without an emotion for a persona is left out of that persona's line (the line
 * joins its neighbours) rather than drawn as neutral, because "not recorded" is not "neutral". When
 * several personas share a point, each is nudged sideways a few pixels so all stay visible.
 */
final class EmotionCurve {
  private static final double PERSONA_NUDGE = 4;
  private static final double LABEL_FONT = 10;

  private EmotionCurve() {}

  /** The y coordinate of {@code score} in the emotion lane of {@code grid}. */
  static double y(Grid grid, int score) {
    return grid.row(Lane.EMOTIONS).y() + EMOTION_TOP + (Emotion.MAX_SCORE - score) * EMOTION_STEP;
  }

  static void draw(SvgCanvas svg, Grid grid) {
    Grid.Row row = grid.row(Lane.EMOTIONS);
    double left = MARGIN + LABEL_WIDTH;
    double right = grid.width() - MARGIN;
    scale(svg, grid, left, right);
    legend(svg, grid, row);

    List<Persona> personas = grid.map().personas();
    boolean anyPoint = false;
    for (int p = 0; p < personas.size(); p++) {
      String colour = Palette.persona(p);
      double nudge = (p - (personas.size() - 1) / 2.0) * PERSONA_NUDGE;
      List<double[]> points = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Grid.Column column : grid.columns()) {
        String personaId = personas.get(p).id();
        Optional<Emotion> emotion = column.touchpoint().flatMap(t -> t.emotionFor(personaId));
        if (emotion.isPresent()) {
          points.add(new double[] {column.centerX() + nudge, y(grid, emotion.get().score())});
          labels.add(
              TextWrap.ellipsize(emotion.get().label(), column.width() - 12, LABEL_FONT, false));
        }
      }
      anyPoint |= !points.isEmpty();
      if (points.size() > 1) {
        StringBuilder coordinates = new StringBuilder();
        for (double[] point : points) {
          coordinates.append(coordinates.isEmpty() ? "" : " ");
          coordinates.append(SvgCanvas.number(point[0])).append(',');
          coordinates.append(SvgCanvas.number(point[1]));
        }
        svg.element(
            "polyline",
            "points",
            coordinates.toString(),
            "fill",
            "none",
            "stroke",
            colour,
            "stroke-width",
            2.5,
            "stroke-linejoin",
            "round",
            "stroke-linecap",
            "round",
            "stroke-dasharray",
            p % 2 == 0 ? "none" : "7 4");
      }
      for (int i = 0; i < points.size(); i++) {
        double[] point = points.get(i);
        svg.element(
            "circle",
            "cx",
            point[0],
            "cy",
            point[1],
            "r",
            4.5,
            "fill",
            colour,
            "stroke",
            "#FFFFFF",
            "stroke-width",
            1.5);
        if (!labels.get(i).isEmpty()) {
          // The first persona's labels sit above its points, the second's below, and so on, so
          // two personas at one touchpoint do not print over each other.
          double labelY = p % 2 == 0 ? point[1] - 9 : point[1] + 17;
          svg.textElement(
              "text",
              labels.get(i),
              "class",
              "emotion",
              "x",
              point[0],
              "y",
              labelY,
              "text-anchor",
              "middle",
              "font-size",
              LABEL_FONT,
              "fill",
              colour);
        }
      }
    }
    if (!anyPoint) {
      svg.textElement(
          "text",
          "No emotions recorded on this map",
          "class",
          "empty",
          "x",
          (left + right) / 2,
          "y",
          y(grid, 0) - 6,
          "text-anchor",
          "middle",
          "font-size",
          12,
          "font-style",
          "italic",
          "fill",
          Palette.FAINT);
    }
  }

  private static void scale(SvgCanvas svg, Grid grid, double left, double right) {
    double top = y(grid, Emotion.MAX_SCORE);
    double zero = y(grid, 0);
    double bottom = y(grid, Emotion.MIN_SCORE);
    svg.element(
        "rect",
        "x",
        left,
        "y",
        top,
        "width",
        right - left,
        "height",
        zero - top,
        "fill",
        Palette.POSITIVE_BAND);
    svg.element(
        "rect",
        "x",
        left,
        "y",
        zero,
        "width",
        right - left,
        "height",
        bottom - zero,
        "fill",
        Palette.NEGATIVE_BAND);
    for (int score = Emotion.MIN_SCORE; score <= Emotion.MAX_SCORE; score++) {
      double y = y(grid, score);
      svg.element(
          "line",
          "x1",
          left,
          "y1",
          y,
          "x2",
          right,
          "y2",
          y,
          "stroke",
          score == 0 ? Palette.FAINT : Palette.GRID,
          "stroke-width",
          1,
          "stroke-dasharray",
          score == 0 ? "5 3" : "2 3");
      String tick = score > 0 ? "+" + score : score < 0 ? "−" + -score : "0";
      svg.textElement(
          "text",
          tick,
          "class",
          "tick",
          "x",
          left - 8,
          "y",
          y + 3.5,
          "text-anchor",
          "end",
          "font-size",
          10,
          "fill",
          Palette.FAINT);
    }
  }

  private static void legend(SvgCanvas svg, Grid grid, Grid.Row row) {
    List<Persona> personas = grid.map().personas();
    double x = MARGIN + 12;
    double y = row.y() + 44;
    double textWidth = LABEL_WIDTH - 12 - 22 - 30;
    for (int p = 0; p < personas.size(); p++) {
      String colour = Palette.persona(p);
      svg.element(
          "line",
          "x1",
          x,
          "y1",
          y - 4,
          "x2",
          x + 16,
          "y2",
          y - 4,
          "stroke",
          colour,
          "stroke-width",
          2.5,
          "stroke-dasharray",
          p % 2 == 0 ? "none" : "5 3");
      svg.textElement(
          "text",
          TextWrap.ellipsize(personas.get(p).name(), textWidth, 11, false),
          "class",
          "legend",
          "x",
          x + 22,
          "y",
          y,
          "font-size",
          11,
          "fill",
          Palette.TEXT);
      y += GridLayout.LEGEND_LINE;
    }
  }
}
