package trailmap.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every 4xx and 5xx answer of the API.
 *
 * @param type a URN naming the kind of problem, e.g. {@code urn:trailmap:problem:invalid-map}
 * @param title the same for every problem of this type
 * @param detail what went wrong this time and how to fix it
 * @param requestId the id in the {@code X-Request-Id} header and in the server log
 * @param errors located problems in the request body; empty (and left out) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String requestId,
    List<ProblemError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = List.copyOf(errors);
  }

  /** A problem of a type named {@code urn:trailmap:problem:SLUG}, without located errors. */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem("urn:trailmap:problem:" + slug, title, status, detail, "", List.of());
  }

  public Problem withErrors(List<ProblemError> located) {
    return new Problem(type, title, status, detail, requestId, located);
  }

  Problem withRequestId(String id) {
    return new Problem(type, title, status, detail, id, errors);
  }
}
