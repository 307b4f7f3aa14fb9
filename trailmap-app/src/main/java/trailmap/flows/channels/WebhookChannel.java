package trailmap.flows.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Webhooks, and SMS/push through webhook providers: an HTTP request with {@code Idempotency-Key:
 * OUTBOX_ID} and {@code Trailmap-Signature: t=..,v1=..} ({@link Signatures}). 2xx is delivered;
 * 408, 429, 5xx and I/O errors are retried; other statuses are permanent. Thread-safe.
 *
 * <p>Payload: {@code {"url", "method", "body", "contentType"?}}.
 */
public final class WebhookChannel implements Channel {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String secret;
  private final Clock clock;

  /**
   * @param secret signs every request
   * @param clock gives the signature's timestamp
   */
  public WebhookChannel(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public DeliveryResult deliver(String outboxId, JsonNode payload) {
    String body = payload.path("body").asText("");
    String method = payload.path("method").asText("POST");
    long now = clock.instant().getEpochSecond();
    HttpRequest.BodyPublisher publisher =
        method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(payload.path("url").asText()))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", payload.path("contentType").asText("application/json"))
              .header("Idempotency-Key", outboxId)
              .header(Signatures.HEADER, Signatures.header(secret, now, body))
              .header("User-Agent", "Trailmap-Webhook")
              .method(method, publisher)
              .build();
    } catch (IllegalArgumentException e) {
      return new DeliveryResult.Permanent("bad webhook request: " + e.getMessage());
    }
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      String said = method + " " + request.uri() + " answered " + status;
      if (status >= 200 && status < 300) {
        return new DeliveryResult.Delivered(said);
      }
      if (status == 408 || status == 429 || status >= 500) {
        return new DeliveryResult.Retry(said);
      }
      return new DeliveryResult.Permanent(said);
    } catch (IOException e) {
      return new DeliveryResult.Retry(method + " " + request.uri() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Retry("interrupted");
    }
  }
}
