package trailmap.flows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.flows.QuietHours;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.text.DurationText;

/**
 * The {@code messaging} section of the server's config file: the rules every flow's messages obey
 * and the SMS/push providers.
 *
 * <pre>
 * messaging:
 *   frequencyCaps:
 *     - {max: 3, per: week}              # all channels together
 *     - {channel: sms, max: 1, per: day}
 *   quietHours: {start: "21:00", end: "08:00"}   # in each profile's time zone
 *   optIn: [sms]                         # channels a profile must have subscribed to
 *   globalHoldout: 0.05                  # profiles that get no flow message at all
 *   providers: {twilio: https://sms.example.com/send, onesignal: https://push.example.com/send}
 *   retries: {attempts: 8, backoff: 30s}  # deliveries tried before a message is dead
 *   bodyRetention: 30d                   # how long a sent or dead message keeps its text
 * </pre>
 *
 * Absent, no cap, quiet hours or holdout applies (a flow's own {@code quietHours} still does), no
 * provider is configured, deliveries are retried as {@link DeliveryRetries#DEFAULT}, and bodies are
 * kept for {@link #DEFAULT_BODY_RETENTION}.
 *
 * @param providers webhook URLs by the provider name that flows' {@code sms} and {@code push} steps
 *     give as {@code provider}
 * @param bodyRetention how long a message that was sent or went dead keeps its rendered body in the
 *     outbox (1h to 3650d); the row itself stays (docs/flows-runtime.md, "Retention")
 */
public record MessagingConfig(
    MessagePolicy policy,
    Map<String, URI> providers,
    DeliveryRetries retries,
    Duration bodyRetention) {
  /** Long enough to look into a complaint or a dead letter; not every email ever sent. */
  public static final Duration DEFAULT_BODY_RETENTION = Duration.ofDays(30);

  static final Duration MAX_BODY_RETENTION = Duration.ofDays(3650);
  static final List<String> KEYS =
      List.of(
          "frequencyCaps",
          "quietHours",
          "optIn",
          "globalHoldout",
          "providers",
          "retries",
          "bodyRetention");
  static final List<String> RETRY_KEYS = List.of("attempts", "backoff");

  public static final MessagingConfig NONE =
      new MessagingConfig(
          MessagePolicy.PERMISSIVE, Map.of(), DeliveryRetries.DEFAULT, DEFAULT_BODY_RETENTION);

  public MessagingConfig {
    providers = Map.copyOf(providers);
  }

  /** With the default retries and body retention. */
  public MessagingConfig(MessagePolicy policy, Map<String, URI> providers) {
    this(policy, providers, DeliveryRetries.DEFAULT, DEFAULT_BODY_RETENTION);
  }

  /**
   * Reads the section.
   *
   * @throws IllegalArgumentException naming the key that is wrong and what it must be
   */
  public static MessagingConfig parse(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("must be a mapping of " + String.join(", ", KEYS));
    }
    List<FrequencyCap> caps = new ArrayList<>();
    Optional<QuietHours> quiet = Optional.empty();
    Set<String> optIn = new LinkedHashSet<>();
    double holdout = 0;
    Map<String, URI> providers = new LinkedHashMap<>();
    DeliveryRetries retries = DeliveryRetries.DEFAULT;
    Duration bodyRetention = DEFAULT_BODY_RETENTION;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "frequencyCaps" -> {
          if (!value.isArray()) {
            throw new IllegalArgumentException(
                "frequencyCaps must be a list like [{max: 3, per: week}, {channel: sms, max: 1,"
                    + " per: day}]");
          }
          for (JsonNode cap : value) {
            caps.add(cap(cap));
          }
        }
        case "quietHours" -> quiet = Optional.of(quietHours(value));
        case "optIn" -> {
          if (!value.isArray()) {
            throw new IllegalArgumentException("optIn must be a list of channels, e.g. [sms]");
          }
          value.forEach(channel -> optIn.add(channel.asText()));
        }
        case "globalHoldout" -> {
          if (!value.isNumber()) {
            throw new IllegalArgumentException("globalHoldout must be a share from 0 to 0.5");
          }
          holdout = value.asDouble();
        }
        case "providers" -> {
          if (!value.isObject()) {
            throw new IllegalArgumentException(
                "providers must map a provider name, as flows give it in `provider`, to its"
                    + " webhook URL, e.g. {twilio: https://sms.example.com/send}");
          }
          for (Map.Entry<String, JsonNode> provider : value.properties()) {
            providers.put(provider.getKey(), url(provider.getKey(), provider.getValue()));
          }
        }
        case "retries" -> retries = retries(value);
        case "bodyRetention" -> bodyRetention = bodyRetention(value);
        default ->
            throw new IllegalArgumentException(
                "unknown key '"
                    + field.getKey()
                    + "' in messaging (known keys: "
                    + String.join(", ", KEYS)
                    + ")");
      }
    }
    return new MessagingConfig(
        new MessagePolicy(caps, quiet, optIn, holdout, 0), providers, retries, bodyRetention);
  }

  private static DeliveryRetries retries(JsonNode value) {
    String example = "e.g. {attempts: 8, backoff: 30s}";
    if (!value.isObject()) {
      throw new IllegalArgumentException(
          "retries must be a mapping of attempts and backoff, " + example);
    }
    int attempts = DeliveryRetries.DEFAULT.attempts();
    Duration backoff = DeliveryRetries.DEFAULT.backoff();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode v = field.getValue();
      switch (field.getKey()) {
        case "attempts" -> {
          if (!v.isInt() || v.asInt() < 1 || v.asInt() > DeliveryRetries.MAX_ATTEMPTS) {
            throw new IllegalArgumentException(
                "retries.attempts must be a whole number from 1 to "
                    + DeliveryRetries.MAX_ATTEMPTS
                    + " (tries in all before a message is dead), was '"
                    + v.asText()
                    + "'");
          }
          attempts = v.asInt();
        }
        case "backoff" -> backoff = backoff(v);
        default ->
            throw new IllegalArgumentException(
                "unknown key '"
                    + field.getKey()
                    + "' in messaging.retries (known keys: "
                    + String.join(", ", RETRY_KEYS)
                    + ")");
      }
    }
    return new DeliveryRetries(attempts, backoff);
  }

  /** A whole number of hours or days, from 1h to 3650d: {@code 30d}, {@code 72h}. */
  private static Duration bodyRetention(JsonNode value) {
    String rule =
        "bodyRetention must be a duration from 1h to 3650d such as 30d or 72h (how long a sent or"
            + " dead message keeps its rendered text), was '"
            + value.asText()
            + "'";
    Duration kept = duration(value).orElseThrow(() -> new IllegalArgumentException(rule));
    if (kept.compareTo(Duration.ofHours(1)) < 0 || kept.compareTo(MAX_BODY_RETENTION) > 0) {
      throw new IllegalArgumentException(rule);
    }
    return kept;
  }

  /** A whole number of seconds, minutes or hours: {@code 30s}, {@code 5m}, {@code 1h}. */
  private static Duration backoff(JsonNode value) {
    Duration backoff =
        duration(value)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "retries.backoff must be a duration such as 30s, 5m or 1h, was '"
                            + value.asText()
                            + "'"));
    if (backoff.isZero() || backoff.compareTo(DeliveryRetries.MAX_BACKOFF) > 0) {
      throw new IllegalArgumentException(
          "retries.backoff must be more than 0s and at most 6h (the wait after the first failed"
              + " attempt, doubled after each further one), was '"
              + value.asText()
              + "'");
    }
    return backoff;
  }

  /** A text value of a whole number and a unit ({@link DurationText#parseShort}); else empty. */
  private static Optional<Duration> duration(JsonNode value) {
    return value.isTextual() ? DurationText.parseShort(value.asText()) : Optional.empty();
  }

  private static FrequencyCap cap(JsonNode cap) {
    String example = "e.g. {channel: sms, max: 1, per: day}";
    if (!cap.isObject() || !cap.path("max").isInt() || cap.path("max").asInt() < 1) {
      throw new IllegalArgumentException(
          "each frequency cap needs max, a whole number of at least 1, and per: " + example);
    }
    CapWindow window;
    try {
      window = CapWindow.valueOf(cap.path("per").asText("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a frequency cap's per must be day, week or month, was '"
              + cap.path("per").asText("")
              + "'; "
              + example);
    }
    int max = cap.get("max").asInt();
    return cap.hasNonNull("channel")
        ? FrequencyCap.on(cap.get("channel").asText(), max, window)
        : FrequencyCap.global(max, window);
  }

  private static QuietHours quietHours(JsonNode value) {
    try {
      return new QuietHours(
          LocalTime.parse(value.path("start").asText("")),
          LocalTime.parse(value.path("end").asText("")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "quietHours must be {start: \"21:00\", end: \"08:00\"}, times of day as HH:MM");
    }
  }

  private static URI url(String channel, JsonNode value) {
    try {
      URI uri = URI.create(value.asText());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not http");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the provider of " + channel + " must be an http(s) URL, was '" + value.asText() + "'");
    }
  }
}
