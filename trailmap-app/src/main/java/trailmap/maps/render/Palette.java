package trailmap.maps.render;

import java.util.List;
import trailmap.maps.MapState;
import trailmap.maps.Severity;

/**
 * The colours of a rendered map: calm slate blues for structure, one muted hue per persona, and
 * warm colours only where they carry meaning (pain point severity, negative emotions).
 */
final class Palette {
  static final String BACKGROUND = "#FFFFFF";
  static final String TEXT = "#1F2933";
  static final String MUTED = "#52606D";
  static final String FAINT = "#9AA5B1";
  static final String GRID = "#D9E2EC";
  static final String LANE_LABEL = "#F0F4F8";
  static final String ROW_ALTERNATE = "#F8FAFC";
  static final String THOUGHT_BUBBLE = "#EEF2F7";
  static final String ICON = "#486581";
  static final String OPPORTUNITY = "#2A9D8F";
  static final String KPI = "#3E6FA3";
  static final String BACKSTAGE = "#829AB1";
  static final String LIVE = "#0B7285";
  static final String GOOD = "#2B8A3E";
  static final String BAD = "#C92A2A";

  /** The emotion curve taken from survey answers, beside the personas' drawn curves. */
  static final String SURVEY_EMOTION = "#0B7285";

  static final String POSITIVE_BAND = "#EDF7F1";
  static final String NEGATIVE_BAND = "#FBEFEF";
  static final List<String> STAGE_HEADERS = List.of("#334E68", "#486581");
  static final List<String> PERSONAS =
      List.of("#1F6FB2", "#C0641A", "#7B5EA7", "#23867A", "#B8474B", "#5F6B76");

  private Palette() {}

  static String severity(Severity severity) {
    return switch (severity) {
      case LOW -> "#7B8794";
      case MEDIUM -> "#C27C0E";
      case HIGH -> "#D9480F";
      case CRITICAL -> "#A61B1B";
    };
  }

  static String stateBadge(MapState state) {
    return switch (state) {
      case CURRENT -> "#486581";
      case FUTURE -> "#6D4BA3";
    };
  }

  static String persona(int index) {
    return PERSONAS.get(index % PERSONAS.size());
  }
}
