package trailmap.maps.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import trailmap.maps.MapState;

/**
 * The map templates that ship with Trailmap, each in a current and a future state.
 *
 * <p>A template is a YAML file on the classpath at {@code trailmap/templates/NAME-STATE.yaml}, e.g.
 * {@code trailmap/templates/saas-current.yaml}. Its map id is {@code NAME-STATE}; the future state
 * names the current one in {@code improves} and keeps its stage, touchpoint and KPI ids, so the two
 * can be compared KPI by KPI.
 *
 * <pre>{@code
 * String yaml = MapTemplates.yaml("saas", MapState.CURRENT);
 * }</pre>
 *
 * <p>Thread-safe: there is no state.
 */
public final class MapTemplates {
  private static final List<String> NAMES = List.of("saas", "retail", "bank");

  private MapTemplates() {}

  /**
   * Template names, in the order a user should see them: {@code saas}, {@code retail}, {@code
   * bank}.
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The template's YAML text, exactly as shipped (comments included), UTF-8 decoded.
   *
   * @param name one of {@link #names()}
   * @param state which state of the journey
   * @throws IllegalArgumentException for an unknown (or null) template name, listing the known ones
   * @throws IllegalStateException when a known template is missing from the classpath (a broken
   *     build, not a user error)
   */
  public static String yaml(String name, MapState state) {
    Objects.requireNonNull(state, "template state must be current or future");
    // List.of(...).contains(null) throws; a missing name is just another unknown one.
    if (name == null || !NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "unknown template '%s'; use one of %s".formatted(name, String.join(", ", NAMES)));
    }
    String resource = "trailmap/templates/%s-%s.yaml".formatted(name, state.wireName());
    try (InputStream in = MapTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "template resource " + resource + " is missing from the classpath; rebuild the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read template resource " + resource, e);
    }
  }
}
