package trailmap.maps.render;

/**
 * A map could not be drawn in the requested format. This is a bug or a broken installation (the
 * drawing is generated, never user-supplied SVG); retrying will not help.
 */
public final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
