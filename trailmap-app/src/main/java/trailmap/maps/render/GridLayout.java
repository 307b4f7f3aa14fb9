package trailmap.maps.render;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.hypotheses.HypothesisResult;
import trailmap.analytics.live.LiveFigures;
import trailmap.analytics.live.TouchpointFigures;
import trailmap.maps.JourneyMap;
import trailmap.maps.PainPoint;
import trailmap.maps.Persona;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Lays a map out as the classic journey map grid: every touchpoint gets a column of the same width
 * under its stage, every lane a row as tall as its fullest cell. Text is wrapped with {@link
 * TextWrap}, so the layout depends on the map alone and is the same on every machine.
 */
final class GridLayout {
  static final double MARGIN = 24;
  static final double LABEL_WIDTH = 150;
  static final double MIN_COLUMN_WIDTH = 180;
  static final double MAX_COLUMN_WIDTH = 300;
  static final double MIN_WIDTH = 1200;
  static final double CELL_PADDING = 10;
  static final double MIN_LANE_HEIGHT = 40;

  static final double BADGE_HEIGHT = 22;
  static final double TITLE_LINE = 30;
  static final double FACT_LINE = 18;

  static final double STAGE_LINE = 19;
  static final double STAGE_DESCRIPTION_LINE = 14;

  static final double ICON_ROW = 24;
  static final double TOUCHPOINT_LINE = 17;

  static final double EMOTION_TOP = 26;
  static final double EMOTION_STEP = 24;
  static final double EMOTION_BOTTOM = 28;
  static final double EMOTION_LABEL_LINE = 12.5;
  static final double LEGEND_LINE = 16;

  private GridLayout() {}

  /** The grid with the map's title, state badge and facts drawn above it. */
  static Grid layout(JourneyMap map) {
    return layout(map, true);
  }

  /**
   * The grid, with or without the map's heading (badge, title, facts); without it when the page
   * around the drawing shows them already, as the HTML page does.
   */
  static Grid layout(JourneyMap map, boolean withHeading) {
    return layout(map, withHeading, Optional.empty());
  }

  /**
   * The grid, with the live figures in a lane of their own under the touchpoints (and the emotion
   * from surveys in the emotion lane) when {@code live} is given.
   */
  static Grid layout(JourneyMap map, boolean withHeading, Optional<LiveFigures> live) {
    int columnCount =
        map.stages().stream().mapToInt(s -> Math.max(1, s.touchpoints().size())).sum();
    // A small map widens its columns to fill a page, but not so far that notes become one long
    // line.
    double spread = (MIN_WIDTH - 2 * MARGIN - LABEL_WIDTH) / columnCount;
    double columnWidth = Math.clamp(spread, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
    double width = 2 * MARGIN + LABEL_WIDTH + columnCount * columnWidth;
    double inner = columnWidth - 2 * CELL_PADDING;

    Optional<Grid.Header> header =
        withHeading ? Optional.of(header(map, width - 2 * MARGIN)) : Optional.empty();
    double y = MARGIN + header.map(Grid.Header::height).orElse(0.0);

    List<Grid.Column> columns = new ArrayList<>();
    List<Grid.StageSpan> stages = new ArrayList<>();
    double x = MARGIN + LABEL_WIDTH;
    for (int s = 0; s < map.stages().size(); s++) {
      Stage stage = map.stages().get(s);
      double stageX = x;
      if (stage.touchpoints().isEmpty()) {
        columns.add(new Grid.Column(s, Optional.empty(), x, columnWidth, List.of(), Map.of()));
        x += columnWidth;
      }
      for (Touchpoint touchpoint : stage.touchpoints()) {
        Grid.Column column = column(s, touchpoint, x, columnWidth, inner);
        if (live.isPresent()) {
          column = withLive(column, touchpoint, live.get(), inner);
        }
        columns.add(column);
        x += columnWidth;
      }
      double stageWidth = x - stageX;
      double stageInner = stageWidth - 2 * CELL_PADDING;
      stages.add(
          new Grid.StageSpan(
              stage,
              s,
              stageX,
              stageWidth,
              TextWrap.wrap(stage.name(), stageInner, TextStyle.STAGE, 3),
              TextWrap.wrap(stage.description(), stageInner, TextStyle.STAGE_DESCRIPTION, 3),
              stage.kpis().stream()
                  .map(k -> Note.of(Note.Kind.KPI, Optional.empty(), KpiText.of(k), stageInner))
                  .toList(),
              live.flatMap(l -> l.stage(stage.id()))
                  .map(f -> LiveNotes.stage(f, stageInner))
                  .orElse(List.of())));
    }

    double stageRowHeight = 0;
    for (Grid.StageSpan stage : stages) {
      double description =
          stage.descriptionLines().isEmpty()
              ? 0
              : 4 + stage.descriptionLines().size() * STAGE_DESCRIPTION_LINE;
      stageRowHeight =
          Math.max(
              stageRowHeight,
              2 * CELL_PADDING + stage.nameLines().size() * STAGE_LINE + description);
    }
    Grid.Band stageRow = new Grid.Band(y, stageRowHeight);
    y += stageRowHeight;

    List<Grid.Row> rows = new ArrayList<>();
    for (Lane lane : Lane.values()) {
      if (lane == Lane.LIVE && live.isEmpty()) {
        continue;
      }
      double height = Math.max(MIN_LANE_HEIGHT, laneHeight(lane, map, columns, stages));
      rows.add(new Grid.Row(lane, y, height));
      y += height;
    }
    return new Grid(map, live, width, y + MARGIN, header, stageRow, columns, stages, rows);
  }

  /**
   * The room below the −2 line: one emotion label, plus one more line for every further persona,
   * since labels that share a touchpoint are stacked downwards (see {@link EmotionCurve}).
   */
  static double emotionBottom(int personas) {
    return EMOTION_BOTTOM + Math.max(0, personas - 2) * EMOTION_LABEL_LINE;
  }

  /** The height of the stage KPI block at the top of the KPI lane; 0 when the stage has none. */
  static double stageKpiHeight(Grid.StageSpan stage) {
    return stageBlockHeight(stage, Lane.KPIS);
  }

  /** The height of the stage-wide block at the top of {@code lane}; 0 when the stage has none. */
  static double stageBlockHeight(Grid.StageSpan stage, Lane lane) {
    List<Note> block = stage.block(lane);
    return block.isEmpty() ? 0 : CELL_PADDING + Note.stackHeight(block) + 2;
  }

  private static Grid.Column withLive(
      Grid.Column column, Touchpoint touchpoint, LiveFigures live, double inner) {
    Optional<TouchpointFigures> figures = live.touchpoint(touchpoint.id());
    if (figures.isEmpty()) {
      return column;
    }
    List<HypothesisResult> carried =
        live.hypotheses().stream().filter(h -> h.carrier().equals(touchpoint.id())).toList();
    Map<Lane, List<Note>> notes = new EnumMap<>(Lane.class);
    notes.putAll(column.notes());
    notes.put(Lane.LIVE, LiveNotes.touchpoint(figures.get(), carried, inner));
    return new Grid.Column(
        column.stageIndex(),
        column.touchpoint(),
        column.x(),
        column.width(),
        column.nameLines(),
        notes);
  }

  private static Grid.Header header(JourneyMap map, double width) {
    List<String> title = TextWrap.wrap(map.name(), width, TextStyle.TITLE, 3);
    List<String> facts = new ArrayList<>();
    if (!map.owner().isBlank()) {
      facts.add("Owner: " + map.owner());
    }
    map.reviewBy().ifPresent(date -> facts.add("Review by: " + date));
    facts.add(
        "Personas: " + String.join(", ", map.personas().stream().map(Persona::name).toList()));
    map.improves().ifPresent(id -> facts.add("Improves: " + id));
    List<String> factLines =
        TextWrap.wrap(String.join("   ·   ", facts), width, TextStyle.FACTS, 4);
    double height =
        BADGE_HEIGHT + 10 + title.size() * TITLE_LINE + 2 + factLines.size() * FACT_LINE + 18;
    return new Grid.Header(title, factLines, height);
  }

  private static Grid.Column column(
      int stage, Touchpoint touchpoint, double x, double width, double inner) {
    Map<Lane, List<Note>> notes = new EnumMap<>(Lane.class);
    notes.put(Lane.ACTIONS, notes(Note.Kind.ACTION, touchpoint.actions(), inner));
    notes.put(Lane.THOUGHTS, notes(Note.Kind.THOUGHT, touchpoint.thoughts(), inner));
    List<Note> pains = new ArrayList<>();
    for (PainPoint pain : touchpoint.painPoints()) {
      pains.add(Note.of(Note.Kind.PAIN_POINT, Optional.of(pain.severity()), pain.text(), inner));
    }
    notes.put(Lane.PAIN_POINTS, pains);
    notes.put(Lane.OPPORTUNITIES, notes(Note.Kind.OPPORTUNITY, touchpoint.opportunities(), inner));
    notes.put(
        Lane.KPIS,
        notes(Note.Kind.KPI, touchpoint.kpis().stream().map(KpiText::of).toList(), inner));
    List<String> backstage = new ArrayList<>(touchpoint.backstage());
    for (PainPoint pain : touchpoint.painPoints()) {
      pain.backstage().stream().filter(b -> !backstage.contains(b)).forEach(backstage::add);
    }
    notes.put(Lane.BACKSTAGE, notes(Note.Kind.BACKSTAGE, backstage, inner));
    List<String> name = TextWrap.wrap(touchpoint.name(), inner, TextStyle.TOUCHPOINT, 4);
    return new Grid.Column(stage, Optional.of(touchpoint), x, width, name, notes);
  }

  private static List<Note> notes(Note.Kind kind, List<String> texts, double inner) {
    return texts.stream().map(text -> Note.of(kind, Optional.empty(), text, inner)).toList();
  }

  private static double laneHeight(
      Lane lane, JourneyMap map, List<Grid.Column> columns, List<Grid.StageSpan> stages) {
    return switch (lane) {
      case TOUCHPOINTS ->
          columns.stream()
              .mapToDouble(
                  c -> 2 * CELL_PADDING + ICON_ROW + 4 + c.nameLines().size() * TOUCHPOINT_LINE)
              .max()
              .orElse(0);
      case EMOTIONS ->
          Math.max(
              EMOTION_TOP + 4 * EMOTION_STEP + emotionBottom(map.personas().size()),
              CELL_PADDING + 22 + legendLines(map, stages) * LEGEND_LINE + CELL_PADDING);
      case KPIS, LIVE -> {
        double height = 0;
        for (Grid.StageSpan stage : stages) {
          double below =
              columns.stream()
                  .filter(c -> c.stageIndex() == stage.index())
                  .mapToDouble(c -> cellHeight(c.notes(lane)))
                  .max()
                  .orElse(0);
          height = Math.max(height, stageBlockHeight(stage, lane) + below);
        }
        yield height;
      }
      default -> columns.stream().mapToDouble(c -> cellHeight(c.notes(lane))).max().orElse(0);
    };
  }

  /** One legend line per persona, and one for the emotion from surveys in a live grid. */
  private static int legendLines(JourneyMap map, List<Grid.StageSpan> stages) {
    boolean live = stages.stream().anyMatch(s -> !s.live().isEmpty());
    return map.personas().size() + (live ? 1 : 0);
  }

  private static double cellHeight(List<Note> notes) {
    return notes.isEmpty() ? 0 : 2 * CELL_PADDING + Note.stackHeight(notes);
  }
}
