package trailmap.importer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats {@code trailmap import} reads. */
public enum ImportFormat {
  /** JSON Lines, one Segment call per line ({@code .jsonl}, {@code .ndjson}). */
  JSONL,
  /** CSV with a header row and a column mapping ({@code .csv}). */
  CSV,
  /** IEEE 1849 XES event logs ({@code .xes}). */
  XES;

  /**
   * The format named on the command line ({@code jsonl}, {@code ndjson}, {@code csv}, {@code xes}).
   */
  public static Optional<ImportFormat> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return "ndjson".equals(n)
        ? Optional.of(JSONL)
        : Arrays.stream(values())
            .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(n))
            .findFirst();
  }

  /** The format given by the file's extension, ignoring a trailing {@code .gz}; else empty. */
  public static Optional<ImportFormat> detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".xes")) {
      return Optional.of(XES);
    }
    return Optional.empty();
  }
}
