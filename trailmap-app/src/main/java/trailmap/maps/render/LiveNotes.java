package trailmap.maps.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import trailmap.analytics.hypotheses.HypothesisResult;
import trailmap.analytics.live.LiveKpi;
import trailmap.analytics.live.Onwards;
import trailmap.analytics.live.StageFigures;
import trailmap.analytics.live.SurveyEmotion;
import trailmap.analytics.live.SurveyScores;
import trailmap.analytics.live.TouchpointFigures;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.Kpi;

/**
 * The notes of the "Live data" lane: for a touchpoint its reach, conversion onwards, time to next,
 * survey scores with n and emotion from surveys (one note), each KPI against its target, and the
 * verdict of each hypothesis its pain points carry; for a stage the same figures across the stage.
 */
final class LiveNotes {
  private LiveNotes() {}

  static List<Note> touchpoint(
      TouchpointFigures figures, List<HypothesisResult> carried, double inner) {
    List<String> lines = new ArrayList<>();
    lines.add("Reached " + count(figures.reached()));
    onwards(lines, figures.onwards(), "next");
    surveys(lines, figures.scores(), figures.emotion());
    List<Note> notes = new ArrayList<>();
    notes.add(Note.lines(Note.Kind.LIVE, lines, inner));
    kpis(notes, figures.kpis(), inner);
    for (HypothesisResult result : carried) {
      notes.add(verdict(result, inner));
    }
    return notes;
  }

  static List<Note> stage(StageFigures figures, double inner) {
    List<String> lines = new ArrayList<>();
    lines.add("Stage reached " + count(figures.reached()));
    onwards(lines, figures.onwards(), "a later stage");
    surveys(lines, figures.scores(), figures.emotion());
    // Across a stage the figures read as one paragraph; the stage block must stay short.
    List<Note> notes = new ArrayList<>();
    notes.add(Note.of(Note.Kind.LIVE, Optional.empty(), String.join(" · ", lines), inner));
    kpis(notes, figures.kpis(), inner);
    return notes;
  }

  /**
   * A note per measured KPI; the KPIs whose metric is free text share one short note, since the KPI
   * lane shows their target and the team's figure already.
   */
  private static void kpis(List<Note> notes, List<LiveKpi> kpis, double inner) {
    List<String> freeText = new ArrayList<>();
    for (LiveKpi kpi : kpis) {
      if (kpi.live().isEmpty() && kpi.metric().isEmpty()) {
        freeText.add(kpi.kpi().name());
      } else {
        notes.add(kpi(kpi, inner));
      }
    }
    if (!freeText.isEmpty()) {
      notes.add(
          Note.of(
              Note.Kind.KPI_OPEN,
              Optional.empty(),
              "Not measured (metric in words): " + String.join(", ", freeText),
              inner));
    }
  }

  private static void onwards(List<String> lines, Optional<Onwards> onwards, String next) {
    if (onwards.isEmpty()) {
      lines.add("Journey ends here");
      return;
    }
    Interval conversion = onwards.get().conversion();
    if (!conversion.defined()) {
      return;
    }
    lines.add("On to " + next + " " + percent(conversion.estimate()));
    Interval median = onwards.get().medianSeconds();
    if (median.defined()) {
      lines.add("Median to " + next + " " + duration(median.estimate()));
    }
  }

  private static void surveys(List<String> lines, SurveyScores scores, SurveyEmotion emotion) {
    for (SurveyKind kind : SurveyKind.values()) {
      Interval figure = scores.get(kind);
      if (figure.defined()) {
        lines.add(
            kind.name() + " " + survey(kind, figure.estimate()) + " (n " + count(figure.n()) + ")");
      }
    }
    emotion.score().ifPresent(score -> lines.add("Emotion from surveys " + signed(score, 1)));
  }

  static Note kpi(LiveKpi live, double inner) {
    Kpi kpi = live.kpi();
    StringBuilder text = new StringBuilder(kpi.name()).append(": ");
    Note.Kind kind;
    if (live.live().isPresent()) {
      text.append(value(live.live().get().estimate(), kpi.unit()));
      kpi.target().ifPresent(t -> text.append(" vs target ").append(value(t, kpi.unit())));
      kind =
          switch (live.status()) {
            case ON_TARGET -> Note.Kind.KPI_ON_TARGET;
            case OFF_TARGET -> Note.Kind.KPI_OFF_TARGET;
            default -> Note.Kind.KPI_OPEN;
          };
      text.append(" · ")
          .append(
              switch (live.status()) {
                case ON_TARGET -> "on target";
                case OFF_TARGET -> "off target";
                case NO_TARGET -> "no target";
                default -> "too few data (n " + count(live.live().get().n()) + ")";
              });
    } else {
      kind = Note.Kind.KPI_OPEN;
      kpi.target().ifPresent(t -> text.append("target ").append(value(t, kpi.unit())).append(", "));
      kpi.current().ifPresent(c -> text.append("team says ").append(value(c, kpi.unit())));
      text.append(" · not measured");
    }
    return Note.of(kind, Optional.empty(), text.toString(), inner);
  }

  static Note verdict(HypothesisResult result, double inner) {
    Note.Kind kind =
        switch (result.verdict()) {
          case SUPPORTED -> Note.Kind.SUPPORTED;
          case REFUTED -> Note.Kind.REFUTED;
          case NOT_ENOUGH_DATA -> Note.Kind.NOT_ENOUGH_DATA;
        };
    return Note.lines(kind, List.of(result.hypothesis().claim(), measured(result)), inner);
  }

  /** The numbers behind a verdict, e.g. {@code drop-off 42% [39%, 45%], n 640}. */
  static String measured(HypothesisResult result) {
    Interval m = result.measured();
    String metric = result.hypothesis().metric().wireName();
    if (!m.defined()) {
      return metric + ": no data (n 0)";
    }
    return metric
        + " "
        + figure(result.unit(), m.estimate())
        + " ["
        + figure(result.unit(), m.low())
        + ", "
        + figure(result.unit(), m.high())
        + "], n "
        + count(m.n());
  }

  private static String figure(String unit, double value) {
    return switch (unit) {
      case "share" -> percent(value);
      case "seconds" -> duration(value);
      case "points" -> signed(value, 0);
      default -> decimals(value, 1);
    };
  }

  private static String survey(SurveyKind kind, double figure) {
    return switch (kind) {
      case NPS -> signed(figure, 0);
      case CSAT -> percent(figure);
      case CES -> decimals(figure, 1) + " of 7";
    };
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(double share) {
    double p = share * 100;
    return decimals(p, Math.abs(p) < 10 && p != 0 ? 1 : 0) + "%";
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return decimals(seconds, 0) + " s";
    }
    if (seconds < 90 * 60) {
      return decimals(seconds / 60, 0) + " min";
    }
    if (seconds < 48 * 3600) {
      return decimals(seconds / 3600, 1) + " h";
    }
    return decimals(seconds / 86_400, 1) + " d";
  }

  static String signed(double value, int scale) {
    String text = decimals(Math.abs(value), scale);
    if (text.matches("0(\\.0*)?")) {
      return text;
    }
    return (value < 0 ? "−" : "+") + text;
  }

  private static String value(double value, String unit) {
    String number = decimals(value, 2);
    return unit.isEmpty() ? number : number + KpiText.NO_BREAK_SPACE + unit;
  }

  static String decimals(double value, int scale) {
    return BigDecimal.valueOf(value)
        .setScale(scale, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
