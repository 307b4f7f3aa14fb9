package trailmap.flows.channels;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where flow emails go: {@code smtp://[user:password@]host[:port][?from=ADDRESS&starttls=true]}
 * (the {@code smtp} config key or {@code TRAILMAP_SMTP_URL}); {@code smtps://} connects with TLS.
 * Port defaults to 25 (465 for smtps); from defaults to {@code trailmap@localhost}.
 */
public record SmtpSettings(
    String host,
    int port,
    boolean tls,
    boolean startTls,
    String from,
    Optional<String> user,
    Optional<String> password) {

  /**
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  public static SmtpSettings parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SMTP URL '" + url + "' is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new IllegalArgumentException(
          "SMTP URL must start with smtp:// or smtps://, was '" + url + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("SMTP URL '" + url + "' names no host");
    }
    boolean tls = scheme.equals("smtps");
    String from = "trailmap@localhost";
    boolean startTls = false;
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        switch (kv[0]) {
          case "from" -> from = value;
          case "starttls" -> startTls = value.equals("true");
          default ->
              throw new IllegalArgumentException(
                  "SMTP URL option '" + kv[0] + "' is unknown; use from= or starttls=");
        }
      }
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] up = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(URLDecoder.decode(up[0], StandardCharsets.UTF_8));
      if (up.length == 2) {
        password = Optional.of(URLDecoder.decode(up[1], StandardCharsets.UTF_8));
      }
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 25;
    return new SmtpSettings(uri.getHost(), port, tls, startTls, from, user, password);
  }

  @Override
  public String toString() {
    return "smtp " + host + ":" + port + (user.isPresent() ? " as " + user.get() : "");
  }
}
