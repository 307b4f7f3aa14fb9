package trailmap.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapProblem;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;

/**
 * Reads a map from a request body. The syntax is taken from {@code Content-Type} (JSON or YAML);
 * without a usable one ({@code text/plain}, none) it is detected from the content: a body starting
 * with <code>{</code> is JSON, anything else YAML. Malformed syntax is a 400 naming line and
 * column; a well-formed body that is not a valid map is a 422 listing every problem the reader
 * found.
 */
final class MapBodies {
  /** Where map problems say they are. */
  static final String SOURCE = "request body";

  static final String LIMIT_KEY = "maxMapBytes";

  private static final Set<String> JSON = Set.of("application/json", "text/json");
  private static final Set<String> YAML =
      Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");
  private static final Set<String> DETECT =
      Set.of("", "text/plain", "application/octet-stream", "*/*");
  private static final ObjectMapper JSON_PARSER = new ObjectMapper();
  private static final ObjectMapper YAML_PARSER = new ObjectMapper(new YAMLFactory());

  private MapBodies() {}

  static JourneyMap read(Context ctx, long limit) {
    String text =
        Bodies.readText(ctx, limit, "raise '" + LIMIT_KEY + "' in the server's --config file");
    if (text.isBlank()) {
      throw ProblemException.badRequest(
          "empty-body", "Empty body", "the request body is empty; send the map as YAML or JSON");
    }
    boolean json = isJson(Bodies.mediaType(ctx), text);
    checkSyntax(text, json);
    MapReadResult result = MapReader.read(SOURCE, text);
    if (!result.isValid()) {
      List<ProblemError> errors =
          result.problems().stream()
              .map((MapProblem p) -> new ProblemError(p.line(), p.column(), p.message()))
              .toList();
      MapProblem first = result.problems().getFirst();
      throw new ProblemException(
          Problem.of(
                  422,
                  "invalid-map",
                  "Invalid map",
                  "the map has "
                      + errors.size()
                      + (errors.size() == 1 ? " problem" : " problems")
                      + ", the first at line "
                      + first.line()
                      + ": "
                      + first.message()
                      + "; see 'errors' and docs/map-format.md")
              .withErrors(errors));
    }
    return result.map().orElseThrow();
  }

  private static boolean isJson(String mediaType, String text) {
    if (JSON.contains(mediaType) || mediaType.endsWith("+json")) {
      return true;
    }
    if (YAML.contains(mediaType) || mediaType.endsWith("+yaml")) {
      return false;
    }
    if (DETECT.contains(mediaType)) {
      return text.stripLeading().startsWith("{");
    }
    throw new ProblemException(
        Problem.of(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Content-Type '"
                + mediaType
                + "' is not a map format; send application/yaml or application/json"));
  }

  private static void checkSyntax(String text, boolean json) {
    try {
      (json ? JSON_PARSER : YAML_PARSER).readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      String what = json ? "JSON" : "YAML";
      String message = what + " syntax error: " + e.getOriginalMessage();
      throw new ProblemException(
          Problem.of(
                  400,
                  "malformed-body",
                  "Malformed " + what,
                  "the body is not well-formed "
                      + what
                      + " (line "
                      + line
                      + ", column "
                      + column
                      + "): "
                      + e.getOriginalMessage())
              .withErrors(List.of(new ProblemError(line, column, message))));
    }
  }
}
