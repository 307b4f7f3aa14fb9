package trailmap.maps.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a map renders to, with their media type and file extension. */
public enum RenderFormat {
  HTML("text/html; charset=utf-8", "html"),
  SVG("image/svg+xml", "svg"),
  PNG("image/png", "png"),
  PDF("application/pdf", "pdf"),
  MERMAID("text/plain; charset=utf-8", "mmd");

  private final String mediaType;
  private final String extension;

  RenderFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The lower-case name used on the CLI and in URLs, e.g. {@code png}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RenderFormat> fromWireName(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
  }
}
