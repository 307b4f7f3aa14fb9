package trailmap.maps.render;

import java.util.List;
import java.util.Optional;
import trailmap.maps.Severity;

/**
 * One wrapped note in a grid cell: an action, a thought, a pain point, an opportunity, a KPI or a
 * backstage process.
 *
 * @param kind decides the marker drawn beside the text
 * @param severity set for pain points only; drawn as a coloured tag above the text
 * @param lines the text, already wrapped to the cell's width
 */
record Note(Kind kind, Optional<Severity> severity, List<String> lines) {
  static final double LINE_HEIGHT = 16;
  static final double TAG_HEIGHT = 14;
  static final double BUBBLE_PADDING = 4;
  static final double GAP = 6;
  static final int MAX_LINES = 8;

  /** What a note is, which decides how it is marked. */
  enum Kind {
    ACTION,
    THOUGHT,
    PAIN_POINT,
    OPPORTUNITY,
    KPI,
    BACKSTAGE,
    /** Figures measured on the data: reach, conversion, survey scores. */
    LIVE,
    /** A KPI measured at or beyond its target. */
    KPI_ON_TARGET,
    /** A KPI measured short of its target. */
    KPI_OFF_TARGET,
    /** A KPI not measured, or with too few observations or no target to judge. */
    KPI_OPEN,
    /** A hypothesis the data supports. */
    SUPPORTED,
    /** A hypothesis the data refutes. */
    REFUTED,
    /** A hypothesis without enough data for a verdict. */
    NOT_ENOUGH_DATA;

    /** The tag printed above a verdict's text; empty for other kinds. */
    Optional<String> verdictTag() {
      return switch (this) {
        case SUPPORTED -> Optional.of("SUPPORTED");
        case REFUTED -> Optional.of("REFUTED");
        case NOT_ENOUGH_DATA -> Optional.of("NOT ENOUGH DATA");
        default -> Optional.empty();
      };
    }

    /** How far the text sits right of the cell's inner edge, leaving room for the marker. */
    double indent() {
      return this == THOUGHT ? 8 : 12;
    }

    /** How much narrower the text is than the cell's inner width. */
    double inset() {
      return this == THOUGHT ? 16 : 12;
    }
  }

  Note {
    lines = List.copyOf(lines);
  }

  /** The height in pixels this note takes, marker and padding included. */
  double height() {
    double text = lines.size() * LINE_HEIGHT;
    double tag = tag().isPresent() ? TAG_HEIGHT : 0;
    double bubble = kind == Kind.THOUGHT ? 2 * BUBBLE_PADDING : 0;
    return text + tag + bubble;
  }

  /** The coloured tag above the text: a pain point's severity or a verdict; empty for others. */
  Optional<String> tag() {
    return severity.map(s -> s.wireName().toUpperCase(java.util.Locale.ROOT)).or(kind::verdictTag);
  }

  /** A note of {@code kind} whose text is several lines, each wrapped on its own. */
  static Note lines(Kind kind, List<String> texts, double innerWidth) {
    List<String> lines = new java.util.ArrayList<>();
    for (String text : texts) {
      lines.addAll(TextWrap.wrap(text, innerWidth - kind.inset(), TextStyle.NOTE, MAX_LINES));
    }
    return new Note(kind, Optional.empty(), lines);
  }

  /** The height of a stack of notes with gaps between them; 0 for none. */
  static double stackHeight(List<Note> notes) {
    double height = 0;
    for (Note note : notes) {
      height += note.height();
    }
    return notes.isEmpty() ? 0 : height + GAP * (notes.size() - 1);
  }

  /** A note of {@code kind} with {@code text} wrapped to a cell whose inner width is given. */
  static Note of(Kind kind, Optional<Severity> severity, String text, double innerWidth) {
    return new Note(
        kind, severity, TextWrap.wrap(text, innerWidth - kind.inset(), TextStyle.NOTE, MAX_LINES));
  }
}
