package trailmap.maps.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.live.LiveFigures;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Where everything of a map goes on the page, in pixels: the header, one column per touchpoint
 * (grouped under their stage), one row per lane, and the wrapped text of every cell. Made by {@link
 * GridLayout}, drawn by {@link MapSvg}; all positions are absolute.
 *
 * @param live the figures measured on the data, drawn in the live lane and the emotion lane; empty
 *     for the map alone (the grid then has no live lane)
 * @param width the whole drawing, margins included
 * @param height the whole drawing, margins included
 * @param header the map's name and facts above the grid; empty when the page around shows them
 * @param stageRow where the stage names run, above the first lane
 * @param columns one per touchpoint, in journey order; a stage without touchpoints has one empty
 * @param stages one per stage, spanning its columns
 * @param rows one per lane, top to bottom
 */
record Grid(
    JourneyMap map,
    Optional<LiveFigures> live,
    double width,
    double height,
    Optional<Header> header,
    Band stageRow,
    List<Column> columns,
    List<StageSpan> stages,
    List<Row> rows) {

  Grid {
    columns = List.copyOf(columns);
    stages = List.copyOf(stages);
    rows = List.copyOf(rows);
  }

  /** The map's title, wrapped, and a wrapped line of facts (state, owner, review date, ...). */
  record Header(List<String> titleLines, List<String> factLines, double height) {
    Header {
      titleLines = List.copyOf(titleLines);
      factLines = List.copyOf(factLines);
    }
  }

  /** A horizontal band of the page. */
  record Band(double y, double height) {}

  /**
   * The sub-column of one touchpoint.
   *
   * @param touchpoint empty for the placeholder column of a stage without touchpoints
   * @param nameLines the touchpoint's name, wrapped for the touchpoint lane
   * @param notes the wrapped notes of each lane that holds notes
   */
  record Column(
      int stageIndex,
      Optional<Touchpoint> touchpoint,
      double x,
      double width,
      List<String> nameLines,
      Map<Lane, List<Note>> notes) {
    Column {
      nameLines = List.copyOf(nameLines);
      notes = Map.copyOf(notes);
    }

    double centerX() {
      return x + width / 2;
    }

    List<Note> notes(Lane lane) {
      return notes.getOrDefault(lane, List.of());
    }
  }

  /**
   * A stage across the columns of its touchpoints.
   *
   * @param kpis the stage's own KPIs, drawn across the stage at the top of the KPI lane
   * @param live the stage's live figures, drawn across the stage at the top of the live lane
   */
  record StageSpan(
      Stage stage,
      int index,
      double x,
      double width,
      List<String> nameLines,
      List<String> descriptionLines,
      List<Note> kpis,
      List<Note> live) {
    StageSpan {
      nameLines = List.copyOf(nameLines);
      descriptionLines = List.copyOf(descriptionLines);
      kpis = List.copyOf(kpis);
      live = List.copyOf(live);
    }

    /** The notes drawn across the stage at the top of {@code lane}: KPIs or live figures. */
    List<Note> block(Lane lane) {
      return switch (lane) {
        case KPIS -> kpis;
        case LIVE -> live;
        default -> List.of();
      };
    }
  }

  /** A lane's row. */
  record Row(Lane lane, double y, double height) {}

  /** Whether the grid has a row for {@code lane} (the live lane only with live figures). */
  boolean has(Lane lane) {
    return rows.stream().anyMatch(row -> row.lane() == lane);
  }

  /** The row of {@code lane}. */
  Row row(Lane lane) {
    return rows.stream()
        .filter(row -> row.lane() == lane)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("grid has no row for lane " + lane));
  }
}
