package trailmap.maps.render;

import static trailmap.maps.render.GridLayout.EMOTION_STEP;
import static trailmap.maps.render.GridLayout.EMOTION_TOP;
import static trailmap.maps.render.GridLayout.LABEL_WIDTH;
import static trailmap.maps.render.GridLayout.MARGIN;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.analytics.live.LiveFigures;
import trailmap.maps.Emotion;
import trailmap.maps.Persona;

/**
 * Draws the emotion lane: a scale from −2 (bottom) to +2 (top) with a neutral line, and one
 * labelled polyline per persona through the touchpoints where that persona has an emotion.
 *
 * <p>A touchpoint without an emotion for a persona is left out of that persona's line (the line
 * joins its neighbours) rather than drawn as neutral, because "not recorded" is not "neutral". When
 * several personas share a point, each is nudged sideways a few pixels so all stay visible;
 * odd-numbered personas get a dashed line so the curves differ without colour too.
 */
final class EmotionCurve {
  private static final double PERSONA_NUDGE = 4;
  private static final String SURVEY_DASH = "0.5 5";

  private EmotionCurve() {}

  /** A persona's emotion at one touchpoint column, with its label fitted to the column. */
  private record Point(int column, double x, double y, int score, String label) {}

  /** The y coordinate of {@code score} in the emotion lane of {@code grid}. */
  static double y(Grid grid, double score) {
    return grid.row(Lane.EMOTIONS).y() + EMOTION_TOP + (Emotion.MAX_SCORE - score) * EMOTION_STEP;
  }

  static void draw(SvgCanvas svg, Grid grid) {
    double left = MARGIN + LABEL_WIDTH;
    double right = grid.width() - MARGIN;
    scale(svg, grid, left, right);
    legend(svg, grid);
    List<List<Point>> curves = curves(grid);
    for (int p = 0; p < curves.size(); p++) {
      polyline(svg, curves.get(p), p);
    }
    for (int p = 0; p < curves.size(); p++) {
      for (Point point : curves.get(p)) {
        svg.open("g", "stroke", "#FFFFFF", "stroke-width", 1.5);
        svg.circle(point.x(), point.y(), 4.5, Palette.persona(p));
        svg.close("g");
      }
    }
    // Under the labels: their light plates keep the words legible where the dotted curve runs.
    grid.live().ifPresent(live -> surveyCurve(svg, grid, live));
    labels(svg, grid, curves);
    if (curves.stream().allMatch(List::isEmpty) && grid.live().isEmpty()) {
      String empty = "No emotions recorded on this map";
      svg.text(TextStyle.EMPTY, (left + right) / 2, y(grid, 0) - 6, empty, Palette.FAINT);
    }
  }

  /** One list of points per persona, in the map's persona order. */
  private static List<List<Point>> curves(Grid grid) {
    List<Persona> personas = grid.map().personas();
    List<List<Point>> curves = new ArrayList<>();
    for (int p = 0; p < personas.size(); p++) {
      String personaId = personas.get(p).id();
      double nudge = (p - (personas.size() - 1) / 2.0) * PERSONA_NUDGE;
      List<Point> points = new ArrayList<>();
      for (int c = 0; c < grid.columns().size(); c++) {
        Grid.Column column = grid.columns().get(c);
        Optional<Emotion> emotion = column.touchpoint().flatMap(t -> t.emotionFor(personaId));
        if (emotion.isPresent()) {
          int score = emotion.get().score();
          String label =
              TextWrap.ellipsize(emotion.get().label(), column.width() - 16, TextStyle.EMOTION);
          points.add(new Point(c, column.centerX() + nudge, y(grid, score), score, label));
        }
      }
      curves.add(points);
    }
    return curves;
  }

  /**
   * The emotion taken from survey answers: a dotted teal line through hollow diamonds at the
   * touchpoints with enough answers, each diamond titled with its value and n (a tooltip in
   * browsers). Like the drawn curves it skips touchpoints without a value.
   */
  private static void surveyCurve(SvgCanvas svg, Grid grid, LiveFigures live) {
    List<double[]> points = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (Grid.Column column : grid.columns()) {
      if (column.touchpoint().isEmpty()) {
        continue;
      }
      live.touchpoint(column.touchpoint().get().id())
          .ifPresent(
              f ->
                  f.emotion()
                      .score()
                      .ifPresent(
                          score -> {
                            points.add(new double[] {column.centerX(), y(grid, score)});
                            titles.add(
                                "Emotion from surveys at "
                                    + column.touchpoint().get().name()
                                    + ": "
                                    + LiveNotes.signed(score, 1)
                                    + " (n "
                                    + LiveNotes.count(f.emotion().n())
                                    + ")");
                          }));
    }
    if (points.size() >= 2) {
      StringBuilder coordinates = new StringBuilder();
      for (double[] p : points) {
        coordinates.append(coordinates.isEmpty() ? "" : " ");
        coordinates.append(SvgCanvas.number(p[0])).append(',').append(SvgCanvas.number(p[1]));
      }
      svg.element(
          "polyline",
          "class",
          "survey-emotion-curve",
          "points",
          coordinates.toString(),
          "fill",
          "none",
          "stroke",
          Palette.SURVEY_EMOTION,
          "stroke-width",
          2.5,
          "stroke-linecap",
          "round",
          "stroke-dasharray",
          SURVEY_DASH);
    }
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      svg.open("g", "class", "survey-emotion-point");
      svg.textElement("title", titles.get(i));
      diamond(svg, p[0], p[1], 5.5);
      svg.close("g");
    }
  }

  private static void diamond(SvgCanvas svg, double x, double y, double r) {
    svg.element(
        "path",
        "d",
        "M "
            + SvgCanvas.number(x)
            + " "
            + SvgCanvas.number(y - r)
            + " L "
            + SvgCanvas.number(x + r)
            + " "
            + SvgCanvas.number(y)
            + " L "
            + SvgCanvas.number(x)
            + " "
            + SvgCanvas.number(y + r)
            + " L "
            + SvgCanvas.number(x - r)
            + " "
            + SvgCanvas.number(y)
            + " Z",
        "fill",
        Palette.BACKGROUND,
        "stroke",
        Palette.SURVEY_EMOTION,
        "stroke-width",
        2);
  }

  private static void polyline(SvgCanvas svg, List<Point> points, int persona) {
    if (points.size() < 2) {
      return;
    }
    StringBuilder coordinates = new StringBuilder();
    for (Point point : points) {
      coordinates.append(coordinates.isEmpty() ? "" : " ");
      coordinates.append(SvgCanvas.number(point.x())).append(',');
      coordinates.append(SvgCanvas.number(point.y()));
    }
    svg.element(
        "polyline",
        "class",
        "emotion-curve",
        "points",
        coordinates.toString(),
        "fill",
        "none",
        "stroke",
        Palette.persona(persona),
        "stroke-width",
        2.5,
        "stroke-linejoin",
        "round",
        "stroke-linecap",
        "round",
        "stroke-dasharray",
        dash(persona));
  }

  private static String dash(int persona) {
    return persona % 2 == 0 ? "none" : "7 4";
  }

  /**
   * Whether a label goes above its point: the persona feeling best at a touchpoint is labelled
   * above, the others below, so the labels of two personas there move apart instead of printing
   * over each other; among equal scores the first persona goes above.
   */
  private static boolean labelAbove(List<List<Point>> curves, int persona, Point point) {
    for (int other = 0; other < curves.size(); other++) {
      for (Point rival : curves.get(other)) {
        boolean better =
            rival.score() > point.score() || (rival.score() == point.score() && other < persona);
        if (other != persona && rival.column() == point.column() && better) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Labels every point: the best-feeling persona at a touchpoint above its point, the others below
   * theirs, stacked downwards a line apart where they would otherwise print over each other.
   */
  private static void labels(SvgCanvas svg, Grid grid, List<List<Point>> curves) {
    for (int c = 0; c < grid.columns().size(); c++) {
      List<int[]> below = new ArrayList<>(); // {persona, index of the point in its curve}
      for (int p = 0; p < curves.size(); p++) {
        List<Point> curve = curves.get(p);
        for (int i = 0; i < curve.size(); i++) {
          Point point = curve.get(i);
          if (point.column() != c || point.label().isEmpty()) {
            continue;
          }
          if (labelAbove(curves, p, point)) {
            label(svg, point, p, point.y() - 10);
          } else {
            below.add(new int[] {p, i});
          }
        }
      }
      below.sort(java.util.Comparator.comparingDouble(e -> curves.get(e[0]).get(e[1]).y()));
      double previous = Double.NEGATIVE_INFINITY;
      for (int[] entry : below) {
        Point point = curves.get(entry[0]).get(entry[1]);
        double baseline = Math.max(point.y() + 19, previous + GridLayout.EMOTION_LABEL_LINE);
        label(svg, point, entry[0], baseline);
        previous = baseline;
      }
    }
  }

  private static void label(SvgCanvas svg, Point point, int persona, double baseline) {
    double width = TextStyle.EMOTION.width(point.label()) + 6;
    // A light plate under the words keeps them legible where a curve or grid line runs behind.
    svg.open("g", "fill-opacity", 0.85);
    svg.rect(point.x() - width / 2, baseline - 9.5, width, 13, 3, Palette.BACKGROUND);
    svg.close("g");
    svg.text(TextStyle.EMOTION, point.x(), baseline, point.label(), Palette.persona(persona));
  }

  private static void scale(SvgCanvas svg, Grid grid, double left, double right) {
    double top = y(grid, Emotion.MAX_SCORE);
    double zero = y(grid, 0);
    double bottom = y(grid, Emotion.MIN_SCORE);
    svg.rect(left, top, right - left, zero - top, 0, Palette.POSITIVE_BAND);
    svg.rect(left, zero, right - left, bottom - zero, 0, Palette.NEGATIVE_BAND);
    for (int score = Emotion.MIN_SCORE; score <= Emotion.MAX_SCORE; score++) {
      double y = y(grid, score);
      String colour = score == 0 ? Palette.FAINT : Palette.GRID;
      svg.dashedLine(left, y, right, y, colour, 1, score == 0 ? "5 3" : "2 3");
      String tick = score > 0 ? "+" + score : score < 0 ? "−" + -score : "0";
      svg.text(TextStyle.TICK, left - 8, y + 3.5, tick, Palette.FAINT);
    }
  }

  private static void legend(SvgCanvas svg, Grid grid) {
    List<Persona> personas = grid.map().personas();
    double x = MARGIN + 12;
    double y = grid.row(Lane.EMOTIONS).y() + 44;
    double textWidth = LABEL_WIDTH - 12 - 22 - 30;
    for (int p = 0; p < personas.size(); p++) {
      String colour = Palette.persona(p);
      svg.dashedLine(x, y - 4, x + 16, y - 4, colour, 2.5, dash(p));
      String name = TextWrap.ellipsize(personas.get(p).name(), textWidth, TextStyle.LEGEND);
      svg.text(TextStyle.LEGEND, x + 22, y, name, Palette.TEXT);
      y += GridLayout.LEGEND_LINE;
    }
    if (grid.live().isPresent()) {
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
          Palette.SURVEY_EMOTION,
          "stroke-width",
          2.5,
          "stroke-linecap",
          "round",
          "stroke-dasharray",
          SURVEY_DASH);
      diamond(svg, x + 8, y - 4, 3.5);
      svg.text(TextStyle.LEGEND, x + 22, y, "From surveys", Palette.TEXT);
    }
  }
}
