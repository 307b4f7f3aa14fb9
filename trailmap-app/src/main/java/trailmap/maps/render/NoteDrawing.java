package trailmap.maps.render;

import java.util.List;
import java.util.Locale;

/** Draws a stack of {@link Note}s in a cell, each with the marker of its kind. */
final class NoteDrawing {
  private NoteDrawing() {}

  /** Draws {@code notes} top-down from ({@code x}, {@code y}) in a cell {@code width} wide. */
  static void stack(SvgCanvas svg, List<Note> notes, double x, double y, double width) {
    double top = y;
    for (Note note : notes) {
      draw(svg, note, x, top, width);
      top += note.height() + Note.GAP;
    }
  }

  private static void draw(SvgCanvas svg, Note note, double x, double y, double width) {
    String colour =
        switch (note.kind()) {
          case ACTION -> Palette.MUTED;
          case THOUGHT -> Palette.THOUGHT_BUBBLE;
          case PAIN_POINT -> note.severity().map(Palette::severity).orElse(Palette.MUTED);
          case OPPORTUNITY -> Palette.OPPORTUNITY;
          case KPI -> Palette.KPI;
          case BACKSTAGE -> Palette.BACKSTAGE;
        };
    double textTop = y;
    switch (note.kind()) {
      case ACTION -> svg.element("circle", "cx", x + 3.5, "cy", y + 8, "r", 2.2, "fill", colour);
      case THOUGHT -> {
        svg.element(
            "rect",
            "x",
            x,
            "y",
            y,
            "width",
            width,
            "height",
            note.height(),
            "rx",
            6,
            "fill",
            colour);
        textTop += Note.BUBBLE_PADDING;
      }
      case PAIN_POINT, OPPORTUNITY, KPI ->
          svg.element(
              "rect",
              "x",
              x,
              "y",
              y + 1,
              "width",
              3.5,
              "height",
              note.height() - 2,
              "rx",
              1.5,
              "fill",
              colour);
      case BACKSTAGE ->
          svg.element("rect", "x", x + 1, "y", y + 5, "width", 5, "height", 5, "fill", colour);
    }
    if (note.severity().isPresent()) {
      svg.textElement(
          "text",
          note.severity().get().wireName().toUpperCase(Locale.ROOT),
          "class",
          "severity",
          "x",
          x + note.kind().indent(),
          "y",
          textTop + 10,
          "font-size",
          9.5,
          "font-weight",
          "bold",
          "fill",
          colour);
      textTop += Note.TAG_HEIGHT;
    }
    String fill = note.kind() == Note.Kind.BACKSTAGE ? Palette.MUTED : Palette.TEXT;
    for (int i = 0; i < note.lines().size(); i++) {
      if (note.kind() == Note.Kind.THOUGHT) {
        svg.textElement(
            "text",
            note.lines().get(i),
            "class",
            "note",
            "x",
            x + note.kind().indent(),
            "y",
            textTop + i * Note.LINE_HEIGHT + 12,
            "font-size",
            Note.FONT_SIZE,
            "font-style",
            "italic",
            "fill",
            fill);
      } else {
        svg.textElement(
            "text",
            note.lines().get(i),
            "class",
            "note",
            "x",
            x + note.kind().indent(),
            "y",
            textTop + i * Note.LINE_HEIGHT + 12,
            "font-size",
            Note.FONT_SIZE,
            "fill",
            fill);
      }
    }
  }
}
