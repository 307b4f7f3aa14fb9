package trailmap.analytics.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The analyses, by the name they have in {@code /api/analytics/<name>} and {@code analyze}. */
public enum AnalysisKind {
  FUNNEL,
  PATHS,
  DISCOVER,
  CONFORMANCE,
  SURVEYS,
  FRICTION,
  COMPARE,
  HYPOTHESES;

  /** The name in URLs and on the command line: {@code funnel}, {@code paths}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AnalysisKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
  }

  /** Every wire name, in declaration order, for messages and help. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(AnalysisKind::wireName).toList();
  }
}
