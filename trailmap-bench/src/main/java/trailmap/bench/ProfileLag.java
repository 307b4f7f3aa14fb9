package trailmap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's {@code trailmap_profiles_lag_events} from {@code /metrics} and waits for the
 * profile processor to apply every acknowledged event, measuring how fast it catches up.
 */
final class ProfileLag {
  private static final Pattern LAG =
      Pattern.compile("^trailmap_profiles_lag_events\\s+([0-9.eE+]+)", Pattern.MULTILINE);
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private final HttpClient client;
  private final URI metrics;

  ProfileLag(HttpClient client, String url) {
    this.client = client;
    this.metrics = URI.create(url + "/metrics");
  }

  /** How a catch-up went: the backlog when it started and how long it took to apply. */
  record CatchUp(long backlog, double seconds) {
    String line(String when) {
      if (backlog == 0) {
        return "profiles " + when + ": no backlog";
      }
      return String.format(
          Locale.ROOT,
          "profiles %s: %,d events behind, applied in %.1f s (%,.0f events/s)",
          when,
          backlog,
          seconds,
          backlog / seconds);
    }
  }

  /** Polls every 200 ms (a scrape costs the server a few ms) until the lag is 0. */
  CatchUp awaitZero() throws Exception {
    long start = System.nanoTime();
    long backlog = lag();
    long deadline = start + LIMIT.toNanos();
    long current = backlog;
    while (current > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "profiles still " + current + " events behind after " + LIMIT.toMinutes() + " min");
      }
      Thread.sleep(200);
      current = lag();
    }
    return new CatchUp(backlog, (System.nanoTime() - start) / 1e9);
  }

  private long lag() throws Exception {
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = LAG.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(
          "the server's /metrics has no trailmap_profiles_lag_events (HTTP "
              + response.statusCode()
              + "); is it a Trailmap server of this version?");
    }
    return (long) Double.parseDouble(m.group(1));
  }
}
