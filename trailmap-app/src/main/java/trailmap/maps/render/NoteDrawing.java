package trailmap.maps.render;

import java.util.List;

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
          case LIVE -> Palette.LIVE;
          case KPI_ON_TARGET, SUPPORTED -> Palette.GOOD;
          case KPI_OFF_TARGET, REFUTED -> Palette.BAD;
          case KPI_OPEN, NOT_ENOUGH_DATA -> Palette.FAINT;
        };
    double textTop = y;
    switch (note.kind()) {
      case ACTION -> svg.circle(x + 3.5, y + 8, 2.2, colour);
      case THOUGHT -> {
        svg.rect(x, y, width, note.height(), 6, colour);
        textTop += Note.BUBBLE_PADDING;
      }
      case PAIN_POINT,
          OPPORTUNITY,
          KPI,
          LIVE,
          KPI_ON_TARGET,
          KPI_OFF_TARGET,
          KPI_OPEN,
          SUPPORTED,
          REFUTED,
          NOT_ENOUGH_DATA ->
          svg.rect(x, y + 1, 3.5, note.height() - 2, 1.5, colour);
      case BACKSTAGE -> svg.rect(x + 1, y + 5, 5, 5, 0, colour);
    }
    double textX = x + note.kind().indent();
    if (note.tag().isPresent()) {
      String tag = note.tag().get();
      svg.text(TextStyle.SEVERITY, textX, textTop + 10, tag, colour);
      textTop += Note.TAG_HEIGHT;
    }
    TextStyle style = note.kind() == Note.Kind.THOUGHT ? TextStyle.THOUGHT : TextStyle.NOTE;
    String fill = note.kind() == Note.Kind.BACKSTAGE ? Palette.MUTED : Palette.TEXT;
    for (int i = 0; i < note.lines().size(); i++) {
      double baseline = textTop + i * Note.LINE_HEIGHT + 12;
      svg.text(style, textX, baseline, note.lines().get(i), fill);
    }
  }
}
