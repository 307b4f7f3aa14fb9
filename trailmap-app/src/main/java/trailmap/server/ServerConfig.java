package trailmap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trailmap.eventlog.EventLogOptions;
import trailmap.flows.channels.SmtpSettings;
import trailmap.flows.runtime.MessagingConfig;
import trailmap.ingest.IngestLimits;
import trailmap.profiles.IdentityRules;
import trailmap.text.DurationText;

/**
 * How the server runs. The {@code --config} file is YAML with these keys, all optional:
 *
 * <pre>{@code
 * host: 0.0.0.0          # interface to listen on (default 127.0.0.1: this machine only)
 * port: 7070             # 0 picks a free port (default 7070)
 * data: ./trailmap-data  # the data directory; relative to the working directory
 * maxMapBytes: 1MB       # largest accepted request body: a number of bytes, or with KB / MB
 * maxEventBytes: 32KB    # largest /v1 call or event in a batch, after gzip (default: Segment's)
 * maxBatchBytes: 500KB   # largest /v1/batch body, after gzip (default: Segment's)
 * maxBatchEvents: 2500   # most events in one batch (default: Segment's)
 * maxIdentitiesPerProfile: 50      # a merge past this many identities is refused (6..100000)
 * trustedSources: [src_1a2b3c4d5e] # sources whose email/phone traits may link profiles
 * dedupWindow: 14d       # how long a messageId is remembered: 1h..365d, as 90m, 36h or 14d
 * smtp: smtp://127.0.0.1:2525?from=hello@example.com  # flow emails (or TRAILMAP_SMTP_URL)
 * publicUrl: https://trailmap.example.com              # base of unsubscribe links in emails
 * messaging: {frequencyCaps: [{max: 3, per: week}], quietHours: {start: "21:00", end: "08:00"}}
 * }</pre>
 *
 * Command-line options win over the file.
 *
 * @param port 0..65535; 0 picks a free port
 * @param maxMapBytes 1 KB..64 MB
 * @param ingest the limits of the collection API
 * @param identity the identity-resolution rules of profiles (limit, trusted sources)
 * @param dedupWindow how long the event log remembers a messageId, {@value #MIN_DEDUP_WINDOW_TEXT}
 *     to {@value #MAX_DEDUP_WINDOW_TEXT} (default 7 days): a call repeated within it is stored once
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    long maxMapBytes,
    IngestLimits ingest,
    IdentityRules identity,
    Duration dedupWindow,
    Optional<SmtpSettings> smtp,
    Optional<URI> publicUrl,
    MessagingConfig messaging) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;
  public static final Path DEFAULT_DATA_DIR = Path.of("trailmap-data");
  public static final long DEFAULT_MAX_MAP_BYTES = 1024 * 1024;

  /**
   * The shortest dedup window the server accepts: client libraries retry for minutes, and an
   * operator re-running an import within the hour must not double it.
   */
  public static final Duration MIN_DEDUP_WINDOW = Duration.ofHours(1);

  /** The longest: a year of messageIds already costs gigabytes of memory at a modest rate. */
  public static final Duration MAX_DEDUP_WINDOW = Duration.ofDays(365);

  static final String MIN_DEDUP_WINDOW_TEXT = "1h";
  static final String MAX_DEDUP_WINDOW_TEXT = "365d";

  static final List<String> KEYS =
      List.of(
          "host",
          "port",
          "data",
          "maxMapBytes",
          "maxEventBytes",
          "maxBatchBytes",
          "maxBatchEvents",
          "maxIdentitiesPerProfile",
          "trustedSources",
          "dedupWindow",
          "smtp",
          "publicUrl",
          "messaging");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB)?");

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxMapBytes < 1024 || maxMapBytes > 64L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "maxMapBytes must be between 1KB and 64MB, was " + maxMapBytes + " bytes");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    ingest = ingest == null ? IngestLimits.SEGMENT : ingest;
    identity = identity == null ? IdentityRules.defaults() : identity;
    dedupWindow = dedupWindow == null ? EventLogOptions.DEFAULT_DEDUP_WINDOW : dedupWindow;
    smtp = smtp == null ? Optional.empty() : smtp;
    publicUrl = publicUrl == null ? Optional.empty() : publicUrl;
    messaging = messaging == null ? MessagingConfig.NONE : messaging;
    if (dedupWindow.compareTo(MIN_DEDUP_WINDOW) < 0
        || dedupWindow.compareTo(MAX_DEDUP_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "dedupWindow must be between "
              + MIN_DEDUP_WINDOW_TEXT
              + " and "
              + MAX_DEDUP_WINDOW_TEXT
              + " (client retries and re-imports within it are stored once), was "
              + DurationText.format(dedupWindow));
    }
  }

  /** Without SMTP and with the server's own address in links. */
  public ServerConfig(
      String host,
      int port,
      Path dataDir,
      long maxMapBytes,
      IngestLimits ingest,
      IdentityRules identity,
      Duration dedupWindow) {
    this(
        host,
        port,
        dataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        Optional.empty(),
        Optional.empty(),
        MessagingConfig.NONE);
  }

  /** With the default dedup window. */
  public ServerConfig(
      String host,
      int port,
      Path dataDir,
      long maxMapBytes,
      IngestLimits ingest,
      IdentityRules identity) {
    this(host, port, dataDir, maxMapBytes, ingest, identity, EventLogOptions.DEFAULT_DEDUP_WINDOW);
  }

  /** With the default identity rules. */
  public ServerConfig(String host, int port, Path dataDir, long maxMapBytes, IngestLimits ingest) {
    this(host, port, dataDir, maxMapBytes, ingest, IdentityRules.defaults());
  }

  /** With Segment's limits for the collection API. */
  public ServerConfig(String host, int port, Path dataDir, long maxMapBytes) {
    this(host, port, dataDir, maxMapBytes, IngestLimits.SEGMENT);
  }

  /** Every default: 127.0.0.1:7070, ./trailmap-data, 1 MB bodies, Segment's ingest limits. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, DEFAULT_MAX_MAP_BYTES);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        host,
        newPort,
        dataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        smtp,
        publicUrl,
        messaging);
  }

  public ServerConfig withDataDir(Path newDataDir) {
    return new ServerConfig(
        host,
        port,
        newDataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        smtp,
        publicUrl,
        messaging);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(
        newHost,
        port,
        dataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        smtp,
        publicUrl,
        messaging);
  }

  public ServerConfig withMaxMapBytes(long bytes) {
    return new ServerConfig(
        host, port, dataDir, bytes, ingest, identity, dedupWindow, smtp, publicUrl, messaging);
  }

  public ServerConfig withIngestLimits(IngestLimits limits) {
    return new ServerConfig(
        host,
        port,
        dataDir,
        maxMapBytes,
        limits,
        identity,
        dedupWindow,
        smtp,
        publicUrl,
        messaging);
  }

  public ServerConfig withIdentityRules(IdentityRules rules) {
    return new ServerConfig(
        host, port, dataDir, maxMapBytes, ingest, rules, dedupWindow, smtp, publicUrl, messaging);
  }

  public ServerConfig withDedupWindow(Duration window) {
    return new ServerConfig(
        host, port, dataDir, maxMapBytes, ingest, identity, window, smtp, publicUrl, messaging);
  }

  /** Flow emails go through this SMTP server. */
  public ServerConfig withSmtp(SmtpSettings settings) {
    return new ServerConfig(
        host,
        port,
        dataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        Optional.of(settings),
        publicUrl,
        messaging);
  }

  /** The rules every flow's messages obey (caps, quiet hours, opt-in, holdout) and providers. */
  public ServerConfig withMessaging(MessagingConfig rules) {
    return new ServerConfig(
        host, port, dataDir, maxMapBytes, ingest, identity, dedupWindow, smtp, publicUrl, rules);
  }

  /** The address recipients reach the server at, for unsubscribe links in emails. */
  public ServerConfig withPublicUrl(URI url) {
    return new ServerConfig(
        host,
        port,
        dataDir,
        maxMapBytes,
        ingest,
        identity,
        dedupWindow,
        smtp,
        Optional.of(url),
        messaging);
  }

  /**
   * Reads a config file over the defaults.
   *
   * @throws IllegalArgumentException naming the file, the key and what is allowed, for an
   *     unreadable file, an unknown key or a bad value
   */
  public static ServerConfig read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e);
    }
    ServerConfig config = defaults();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return config;
    }
    // The ingest limits depend on each other, so they are checked together after the loop.
    long[] ingest = {
      config.ingest().maxEventBytes(),
      config.ingest().maxBatchBytes(),
      config.ingest().maxBatchEvents()
    };
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          file + ": must be a mapping of " + String.join(", ", KEYS));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String where = file + ": " + entry.getKey();
      JsonNode value = entry.getValue();
      try {
        config =
            switch (entry.getKey()) {
              case "host" -> config.withHost(text(value, where));
              case "port" -> config.withPort(integer(value, where));
              case "data" -> config.withDataDir(Path.of(text(value, where)));
              case "maxMapBytes" -> config.withMaxMapBytes(size(value, where));
              case "maxEventBytes" -> {
                ingest[0] = size(value, where);
                yield config;
              }
              case "maxBatchBytes" -> {
                ingest[1] = size(value, where);
                yield config;
              }
              case "maxIdentitiesPerProfile" ->
                  config.withIdentityRules(
                      config.identity().withMaxIdentitiesPerProfile(integer(value, where)));
              case "trustedSources" ->
                  config.withIdentityRules(
                      config.identity().withTrustedSources(Set.copyOf(texts(value, where))));
              case "dedupWindow" -> config.withDedupWindow(duration(value, where));
              case "smtp" -> config.withSmtp(SmtpSettings.parse(text(value, where)));
              case "publicUrl" -> config.withPublicUrl(URI.create(text(value, where)));
              case "messaging" -> config.withMessaging(MessagingConfig.parse(value));
              case "maxBatchEvents" -> {
                ingest[2] = integer(value, where);
                yield config;
              }
              default ->
                  throw new IllegalArgumentException(
                      "unknown key (known keys: " + String.join(", ", KEYS) + ")");
            };
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            e.getMessage().startsWith(file.toString())
                ? e.getMessage()
                : where + ": " + e.getMessage());
      }
    }
    try {
      return config.withIngestLimits(
          new IngestLimits(
              (int) Math.min(ingest[0], Integer.MAX_VALUE),
              (int) Math.min(ingest[1], Integer.MAX_VALUE),
              (int) ingest[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode value, String where) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + ": must be a text");
    }
    return value.asText();
  }

  private static List<String> texts(JsonNode value, String where) {
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + ": must be a list of source ids, e.g. [src_1a2b]");
    }
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : value) {
      out.add(text(item, where));
    }
    return out;
  }

  private static int integer(JsonNode value, String where) {
    if (!value.isInt()) {
      throw new IllegalArgumentException(where + ": must be a whole number");
    }
    return value.asInt();
  }

  /** A whole number and a unit ({@link DurationText#parseShort}): {@code 90m}, {@code 36h}. */
  private static Duration duration(JsonNode value, String where) {
    return (value.isTextual()
            ? DurationText.parseShort(value.asText())
            : Optional.<Duration>empty())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    where
                        + ": must be a whole number and a unit (s, m, h, d or w) such as 90m, 36h"
                        + " or 14d, was '"
                        + value.asText()
                        + "'"));
  }

  private static long size(JsonNode value, String where) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    Matcher m = SIZE.matcher(value.asText().strip().toUpperCase(Locale.ROOT));
    if (!value.isTextual() || !m.matches()) {
      throw new IllegalArgumentException(
          where + ": must be a size such as 1048576, 512KB or 2MB, was '" + value.asText() + "'");
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    return switch (unit) {
      case "KB" -> number * 1024;
      case "MB" -> number * 1024 * 1024;
      default -> number;
    };
  }
}
