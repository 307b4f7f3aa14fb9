package trailmap.flows.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import trailmap.flows.Flow;
import trailmap.flows.format.FlowReadResult;
import trailmap.flows.format.FlowReader;
import trailmap.maps.format.MapProblem;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemError;
import trailmap.server.ProblemException;

/**
 * Reads a flow document from a request body: YAML or JSON by {@code Content-Type} (without a usable
 * one, a body starting with <code>{</code> is JSON, anything else YAML). An invalid document is a
 * 400 whose {@code errors} list every problem with its line and column and whose detail names them
 * as {@code request body:LINE:COL: message}.
 */
final class FlowBodies {
  static final String SOURCE = "request body";
  static final String LIMIT_KEY = "maxMapBytes";

  /** Problems listed in the detail; the rest are only in {@code errors}. */
  private static final int IN_DETAIL = 10;

  private static final Set<String> JSON = Set.of("application/json", "text/json");
  private static final Set<String> YAML =
      Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");
  private static final Set<String> DETECT =
      Set.of("", "text/plain", "application/octet-stream", "*/*");
  private static final ObjectMapper JSON_PARSER = new ObjectMapper();

  private FlowBodies() {}

  /** A valid flow and the text it was read from, as it will be stored. */
  record Read(Flow flow, String text) {}

  static Read read(Context ctx, long limit) {
    String text =
        Bodies.readText(ctx, limit, "raise '" + LIMIT_KEY + "' in the server's --config file");
    if (text.isBlank()) {
      throw ProblemException.badRequest(
          "empty-body",
          "Empty body",
          "the request body is empty; send the flow as YAML or JSON (docs/flow-format.md)");
    }
    if (isJson(Bodies.mediaType(ctx), text)) {
      checkJsonSyntax(text);
    }
    FlowReadResult result = FlowReader.read(SOURCE, text);
    if (!result.isValid()) {
      throw invalid(result.problems());
    }
    return new Read(result.flow().orElseThrow(), text);
  }

  static ProblemException invalid(List<MapProblem> problems) {
    List<ProblemError> errors =
        problems.stream().map(p -> new ProblemError(p.line(), p.column(), p.message())).toList();
    StringBuilder detail =
        new StringBuilder("the flow has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem: " : " problems: ");
    for (int i = 0; i < Math.min(IN_DETAIL, problems.size()); i++) {
      detail.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (problems.size() > IN_DETAIL) {
      detail.append("; and ").append(problems.size() - IN_DETAIL).append(" more in 'errors'");
    }
    detail.append(". Fix them and send the flow again (docs/flow-format.md)");
    return new ProblemException(
        Problem.of(400, "invalid-flow", "Invalid flow", detail.toString()).withErrors(errors));
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
                + "' is not a flow format; send application/yaml or application/json"));
  }

  /** JSON is read strictly (YAML would accept a JSON document with a trailing mistake). */
  private static void checkJsonSyntax(String text) {
    try {
      JSON_PARSER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      throw invalid(
          List.of(
              new MapProblem(
                  SOURCE, line, column, "JSON syntax error: " + e.getOriginalMessage())));
    }
  }
}
