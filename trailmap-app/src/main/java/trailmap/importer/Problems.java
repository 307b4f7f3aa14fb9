package trailmap.importer;

/** Shared wording for rejection reasons. */
final class Problems {
  private static final int MAX_QUOTED = 60;

  private Problems() {}

  /** A value quoted in a message, cut short so one bad line cannot flood the summary. */
  static String clip(String value) {
    String oneLine = value.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
  }
}
