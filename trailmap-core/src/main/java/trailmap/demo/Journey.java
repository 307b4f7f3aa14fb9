package trailmap.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Writes one profile's journey as events, moving a clock forward between steps. Events at or after
 * the end instant are dropped: the journey is still going on when the data ends. Not thread-safe.
 */
final class Journey {
  static final long SECOND = 1000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  final RandomGenerator random;
  final Customer customer;
  private final String idPrefix;
  private final long endMillis;
  private final Consumer<Event> out;
  private long now;
  private int count;
  private boolean identified;
  private boolean appLoggedIn;
  private boolean appFirst;

  Journey(
      long seed,
      long profile,
      Customer customer,
      long startMillis,
      long endMillis,
      RandomGenerator random,
      Consumer<Event> out) {
    this.random = random;
    this.customer = customer;
    this.idPrefix = "g" + Long.toHexString(seed) + "-" + profile + "-";
    this.now = startMillis;
    this.endMillis = endMillis;
    this.out = out;
  }

  /** Whether the clock has passed the end of the data: nothing more will be written. */
  boolean ended() {
    return now >= endMillis;
  }

  /** How many events were emitted (and not dropped). */
  int count() {
    return count;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Moves the clock on by a log-normal time with this median and spread (sigma of the log). */
  void wait(long medianMillis, double sigma) {
    double factor = Math.exp(sigma * random.nextGaussian());
    now += Math.max(SECOND, (long) (medianMillis * Math.min(factor, 50.0)));
  }

  void seconds(double median) {
    wait((long) (median * SECOND), 0.6);
  }

  void minutes(double median) {
    wait((long) (median * MINUTE), 0.7);
  }

  void hours(double median) {
    wait((long) (median * HOUR), 0.8);
  }

  /** Moves on by about {@code median} days and lands in the customer's local daytime. */
  void days(double median) {
    wait((long) (median * DAY), 0.6);
    long localDayStart = Math.floorDiv(now + customer.utcOffsetHours() * HOUR, DAY) * DAY;
    long localHour = 8 + random.nextInt(13); // 08:00-20:59 local
    long next =
        localDayStart + localHour * HOUR + random.nextLong(HOUR) - customer.utcOffsetHours() * HOUR;
    now = next > now ? next : next + DAY;
  }

  /**
   * An identify call with the userId and the anonymousId of the device it comes from (the app's on
   * {@code APP}, else the browser's), which stitches the anonymous history to the person. From now
   * on non-web events carry the userId; web and app events carry both ids.
   */
  void identify(DemoChannel channel, JsonValue.Obj traits) {
    identified = true;
    if (channel == DemoChannel.APP) {
      appLoggedIn = true;
    }
    emit(EventType.IDENTIFY, Optional.empty(), channel, JsonValue.Obj.EMPTY, traits);
  }

  /** The customer was known before the data starts (a newsletter subscriber, a loyalty member). */
  void known() {
    identified = true;
  }

  /** The current time of the journey, epoch milliseconds. */
  long now() {
    return now;
  }

  /** Moves the clock to {@code millis} when that is later; never backwards. */
  void until(long millis) {
    now = Math.max(now, millis);
  }

  /** Moves the clock on by a uniform time between the bounds, in hours. */
  void hoursBetween(double min, double max) {
    now += (long) ((min + (max - min) * random.nextDouble()) * HOUR);
  }

  /** A log-normal duration with this median and spread, capped at 50 times the median. */
  long lognormal(long medianMillis, double sigma) {
    return (long) (medianMillis * Math.min(Math.exp(sigma * random.nextGaussian()), 50.0));
  }

  /** 1-based score drawn from {@code weights} (weight of score 1 first), summing to about 1. */
  int score(double[] weights, int first) {
    double roll = random.nextDouble();
    for (int i = 0; i < weights.length - 1; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return first + i;
      }
    }
    return first + weights.length - 1;
  }

  /**
   * The customer starts out in the mobile app rather than a browser: events before she is
   * identified carry the app's anonymousId, and once identified her app events carry the userId.
   * Journeys that touch both the browser and the app before identifying would leave two profiles; a
   * second device joins only through an identify call on it.
   */
  void startInApp() {
    appLoggedIn = true;
    appFirst = true;
  }

  /** Whether app events carry the userId once the customer is identified. */
  boolean inApp() {
    return appLoggedIn;
  }

  boolean identified() {
    return identified;
  }

  void track(DemoChannel channel, String name, JsonValue.Obj properties) {
    emit(EventType.TRACK, Optional.of(name), channel, properties, JsonValue.Obj.EMPTY);
  }

  void page(String name, JsonValue.Obj properties) {
    emit(EventType.PAGE, Optional.of(name), DemoChannel.WEB, properties, JsonValue.Obj.EMPTY);
  }

  void screen(String name, JsonValue.Obj properties) {
    emit(EventType.SCREEN, Optional.of(name), DemoChannel.APP, properties, JsonValue.Obj.EMPTY);
  }

  /**
   * A {@code Survey Responded} event following {@code touchpoint}.
   *
   * @param comment free text, or null for none
   */
  void survey(DemoChannel channel, String survey, int score, String touchpoint, String comment) {
    Map<String, JsonValue> p = new LinkedHashMap<>();
    p.put("survey", new JsonValue.Str(survey));
    p.put("score", new JsonValue.Num(score));
    p.put("touchpoint", new JsonValue.Str(touchpoint));
    if (comment != null) {
      p.put("comment", new JsonValue.Str(comment));
    }
    track(channel, "Survey Responded", new JsonValue.Obj(p));
  }

  private void emit(
      EventType type,
      Optional<String> name,
      DemoChannel channel,
      JsonValue.Obj properties,
      JsonValue.Obj traits) {
    if (now >= endMillis) {
      return;
    }
    Optional<String> userId = Optional.empty();
    Optional<String> anonymousId = Optional.empty();
    if (type == EventType.IDENTIFY) {
      userId = Optional.of(customer.userId());
      anonymousId =
          Optional.of(
              channel == DemoChannel.APP || (appFirst && channel != DemoChannel.WEB)
                  ? customer.appAnonymousId()
                  : customer.webAnonymousId());
    } else
      switch (channel) {
        case WEB -> {
          anonymousId = Optional.of(customer.webAnonymousId());
          userId = identified ? Optional.of(customer.userId()) : Optional.empty();
        }
        case APP -> {
          anonymousId = Optional.of(customer.appAnonymousId());
          userId = identified && appLoggedIn ? Optional.of(customer.userId()) : Optional.empty();
        }
        default -> {
          if (identified) {
            userId = Optional.of(customer.userId());
          } else {
            // before sign-up the only thing known is the device that clicked through
            anonymousId =
                Optional.of(appFirst ? customer.appAnonymousId() : customer.webAnonymousId());
          }
        }
      }
    Instant at = Instant.ofEpochMilli(now);
    out.accept(
        new Event(
            idPrefix + count,
            type,
            name,
            userId,
            anonymousId,
            Optional.empty(),
            Optional.empty(),
            properties,
            traits,
            channel.context(),
            at,
            at,
            channel.wireName(),
            channel.source()));
    count++;
    // events of one profile never share a millisecond, so their order is their time order
    now += 1 + random.nextInt(500);
  }

  /** {@code {"k1": v1, "k2": v2, …}}: strings, numbers (Integer, Long, Double) and booleans. */
  static JsonValue.Obj obj(Object... keysAndValues) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return new JsonValue.Obj(fields);
  }

  private static JsonValue value(Object v) {
    return switch (v) {
      case String s -> new JsonValue.Str(s);
      case Integer n -> new JsonValue.Num(n);
      case Long n -> new JsonValue.Num(n);
      case Double n -> new JsonValue.Num(n);
      case Boolean b -> new JsonValue.Bool(b);
      default -> throw new IllegalArgumentException("not a JSON scalar: " + v);
    };
  }

  /** The traits a sign-up sets: contact, plan, country, persona and time zone. */
  JsonValue.Obj traits(DemoTemplate template, String plan) {
    return obj(
        "email", customer.email(),
        "firstName", customer.firstName(),
        "lastName", customer.lastName(),
        "plan", plan,
        "country", customer.country(),
        "timezone", customer.timezone(),
        "persona", template.persona());
  }
}
