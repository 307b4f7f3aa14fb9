package trailmap.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders a {@link MapDiff} for a terminal: one line per change, then a table of KPI gaps.
 *
 * <pre>{@code
 * ~ map: state current → future
 * ~ stage 'purchase' › KPI 'ttv': target (none) → 7
 * + stage 'purchase' › KPI 'mrr' (MRR)
 * > stage 'purchase' › touchpoint 'trial': stage consideration → purchase
 * ~ stage 'purchase' › touchpoint 'trial' › pain point 'Card needed up front': severity high → low
 * + stage 'purchase' › touchpoint 'trial' › opportunity 'No card for the trial'
 * - stage 'advocacy' (Advocacy)
 *
 * KPI         where                                      now  target              gap
 * ttv         stage 'purchase'                       14 days  7 days          -7 days  ✓
 * mrr         stage 'purchase'                             —   5000€  only in new map
 * trial-conv  stage 'purchase' › touchpoint 'trial'      12%     25%             +13%  ✓
 * nps         stage 'advocacy'                            20       —  only in old map
 * }</pre>
 *
 * <p>Markers: {@code +} added, {@code -} removed, {@code ~} changed, {@code >} moved; an addition
 * or removal shows the element's name in parentheses when it differs from its id. Values that are
 * numbers or single lower-case words print bare, other text in single quotes, a missing value as
 * {@code (none)}. Maps without differences print {@code no differences}; the KPI table follows
 * whenever either map has a KPI, since the distance to target matters even between equal maps. In
 * the table, {@code now} is the old map's current value (else its target) and {@code target} the
 * new map's target; the last column is {@code ✓} when the gap goes the KPI's better way, {@code ✗}
 * when it goes the other way and {@code =} when it is zero. Every line ends with {@code \n}; no
 * line has trailing blanks.
 */
public final class MapDiffText {
  private static final Pattern BARE = Pattern.compile("-?[0-9]+(\\.[0-9]+)?|[a-z0-9][a-z0-9_.-]*");

  private MapDiffText() {}

  /** The whole diff as text, as described in the class comment. */
  public static String render(MapDiff diff) {
    StringBuilder text = new StringBuilder();
    if (diff.changes().isEmpty()) {
      text.append("no differences\n");
    }
    diff.changes().forEach(change -> text.append(line(change)).append('\n'));
    if (!diff.kpiGaps().isEmpty()) {
      text.append('\n').append(kpiTable(diff.kpiGaps()));
    }
    return text.toString();
  }

  /** One change, e.g. {@code ~ stage 'purchase' › KPI 'conv': target 20 → 25}. */
  public static String line(MapChange change) {
    String head = change.kind().marker() + " " + printable(location(change));
    return switch (change.kind()) {
      case ADDED -> head + description(change.item(), change.after());
      case REMOVED -> head + description(change.item(), change.before());
      case CHANGED, MOVED ->
          head
              + ": "
              + change.field().orElseThrow()
              + " "
              + value(change.before())
              + " → "
              + value(change.after());
    };
  }

  /** Where a change is, e.g. {@code stage 'purchase' › touchpoint 'trial' › action 'Signs up'}. */
  public static String location(MapChange change) {
    return switch (change.element()) {
      case MAP -> "map";
      case PERSONA -> "persona '" + change.item() + "'";
      default -> {
        List<String> path = new ArrayList<>();
        change.stage().ifPresent(stage -> path.add("stage '" + stage + "'"));
        change.touchpoint().ifPresent(tp -> path.add("touchpoint '" + tp + "'"));
        if (change.element() == MapChange.Element.EMOTION) {
          path.add(
              change.item().isEmpty()
                  ? "emotion of all personas"
                  : "emotion of '" + change.item() + "'");
        } else if (change.element() != MapChange.Element.STAGE
            && change.element() != MapChange.Element.TOUCHPOINT) {
          path.add(change.element().label() + " '" + change.item() + "'");
        }
        yield String.join(" › ", path);
      }
    };
  }

  /** The KPI gap table: a header row, then one aligned row per gap. */
  public static String kpiTable(List<KpiGap> gaps) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KPI", "where", "now", "target", "gap", ""});
    for (KpiGap gap : gaps) {
      rows.add(
          new String[] {
            gap.kpi(),
            where(gap),
            gap.before().map(v -> withUnit(ValueText.number(v), gap.unit())).orElse("—"),
            gap.after().map(v -> withUnit(ValueText.number(v), gap.unit())).orElse("—"),
            gapText(gap),
            mark(gap)
          });
    }
    boolean[] rightAligned = {false, false, true, true, true, false};
    int[] widths = new int[rightAligned.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], width(row[c]));
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String padding = " ".repeat(widths[c] - width(row[c]));
        line.append(c == 0 ? "" : "  ");
        line.append(rightAligned[c] ? padding + row[c] : row[c] + padding);
      }
      table.append(line.toString().stripTrailing()).append('\n');
    }
    return table.toString();
  }

  /** Columns are counted in code points, so a unit outside the BMP does not shift the table. */
  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }

  private static String where(KpiGap gap) {
    return "stage '"
        + gap.stage()
        + "'"
        + gap.touchpoint().map(tp -> " › touchpoint '" + tp + "'").orElse("");
  }

  private static String gapText(KpiGap gap) {
    return switch (gap.presence()) {
      case AFTER_ONLY -> "only in new map";
      case BEFORE_ONLY -> "only in old map";
      case BOTH ->
          gap.gap()
              .map(g -> withUnit((g > 0 ? "+" : "") + ValueText.number(g), gap.unit()))
              .orElse("—");
    };
  }

  private static String mark(KpiGap gap) {
    if (gap.gap().isEmpty()) {
      return "";
    }
    if (gap.gap().get() == 0) {
      return "=";
    }
    return gap.improves().orElse(false) ? "✓" : "✗";
  }

  /** {@code 12%} for symbols, {@code 14 days} for words. */
  private static String withUnit(String number, String unit) {
    if (unit.isEmpty()) {
      return number;
    }
    String shown = printable(unit);
    return Character.isLetterOrDigit(unit.codePointAt(0)) ? number + " " + shown : number + shown;
  }

  private static String description(String item, Optional<String> description) {
    return description.filter(d -> !d.equals(item)).map(d -> " (" + printable(d) + ")").orElse("");
  }

  private static String value(Optional<String> value) {
    return value
        .map(v -> BARE.matcher(v).matches() ? v : "'" + printable(v) + "'")
        .orElse("(none)");
  }

  /**
   * The text with line breaks, tabs and other control characters written as escapes, so a
   * multi-line description stays on its line and a map file cannot send terminal control sequences.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (Character.isISOControl(c)) {
                    out.append("\\u%04x".formatted(c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
