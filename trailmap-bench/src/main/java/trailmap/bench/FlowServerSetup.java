package trailmap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a running server for the latency benchmark through its admin API, as a user would: the
 * email template, the flow (created and published) and a source whose write key the load generator
 * posts with.
 */
final class FlowServerSetup {
  private static final Pattern WRITE_KEY = Pattern.compile("\"writeKey\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String adminKey;

  FlowServerSetup(String url, String adminKey) {
    this.url = url;
    this.adminKey = adminKey;
  }

  /** Stores the template, creates and publishes the flow, and answers a new write key. */
  String prepare(String templateName, String template, String flowId, String flowYaml)
      throws Exception {
    call("PUT", "/api/templates/" + templateName, "text/html", template, 204);
    call("POST", "/api/flows", "application/yaml", flowYaml, 201);
    call("POST", "/api/flows/" + flowId + "/publish", "", "", 200);
    String source =
        call(
            "POST",
            "/api/sources",
            "application/json",
            "{\"name\":\"flow-latency\",\"channel\":\"web\"}",
            201);
    Matcher m = WRITE_KEY.matcher(source);
    if (!m.find()) {
      throw new IllegalStateException("POST /api/sources answered no writeKey: " + source);
    }
    return m.group(1);
  }

  private String call(String method, String path, String type, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + adminKey)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!type.isEmpty()) {
      request.header("Content-Type", type);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ", expected "
              + expected
              + ": "
              + response.body());
    }
    return response.body();
  }
}
