package trailmap.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import trailmap.events.Event;

/**
 * Writes realistic journeys for the map templates, one profile at a time, deterministically: the
 * same seed, end instant and profile number give the same events, on any JDK.
 *
 * <pre>{@code
 * DemoJourneys journeys = new DemoJourneys(42, DemoJourneys.DEFAULT_END);
 * for (long p = 0; p < 1_000; p++) {
 *   journeys.profile(p, event -> log.add(event));
 * }
 * }</pre>
 *
 * <p>Each profile gets its own random stream ({@link #random(long, long)}), so profiles can be
 * generated in any order or in parallel and any one regenerated alone. A profile's journey starts
 * at a uniform time in the {@link #SPAN} before the end and its events come in time order, each at
 * a distinct millisecond; events that would fall at or after the end are left out (the journey is
 * still going on). Every event has a messageId {@code g<seed hex>-<profile>-<n>} and carries its
 * channel in {@code context.channel}. The frictions planted are in {@link PlantedFrictions}.
 * Thread-safe: instances hold no mutable state.
 */
public final class DemoJourneys {
  /** The default end of the generated data, fixed so that output is reproducible. */
  public static final Instant DEFAULT_END = Instant.parse("2026-03-01T00:00:00Z");

  /** How far back before the end journeys start. */
  public static final Duration SPAN = Duration.ofDays(90);

  private final long seed;
  private final long endMillis;

  /**
   * @param seed any value; different seeds give different people and journeys, with different
   *     identities and messageIds
   * @param end the instant all generated events come before
   */
  public DemoJourneys(long seed, Instant end) {
    if (end == null) {
      throw new IllegalArgumentException("demo journeys need an end instant");
    }
    this.seed = seed;
    this.endMillis = end.toEpochMilli();
  }

  /** The random stream of profile {@code profile} under {@code seed}. */
  public static RandomGenerator random(long seed, long profile) {
    return new SplittableRandom(Ids.mix(Ids.mix(seed) + profile));
  }

  /**
   * Writes the journey of profile {@code profile} to {@code out}, in time order, with the profile's
   * own random stream.
   *
   * @param profile the profile's number, 0 or more
   * @return how many events were written
   */
  public int profile(long profile, Consumer<Event> out) {
    return profile(profile, random(seed, profile), out);
  }

  /**
   * As {@link #profile(long, Consumer)}, drawing from {@code random}.
   *
   * @throws IllegalArgumentException when {@code profile} is negative
   */
  public int profile(long profile, RandomGenerator random, Consumer<Event> out) {
    if (profile < 0) {
      throw new IllegalArgumentException("profile numbers start at 0, was " + profile);
    }
    DemoTemplate template = template(random);
    Customer customer = Customer.of(seed, profile, random);
    long start = endMillis - SPAN.toMillis() + random.nextLong(SPAN.toMillis());
    Journey journey = new Journey(seed, profile, customer, start, endMillis, random, out);
    switch (template) {
      case SAAS -> SaasJourney.run(journey);
      case RETAIL -> RetailJourney.run(journey);
      case BANK -> BankJourney.run(journey);
    }
    return journey.count();
  }

  /** The template of the profile whose random stream this is: its first draw. */
  private static DemoTemplate template(RandomGenerator random) {
    double roll = random.nextDouble();
    for (DemoTemplate t : DemoTemplate.values()) {
      roll -= t.share();
      if (roll < 0) {
        return t;
      }
    }
    return DemoTemplate.BANK;
  }

  /** The template profile {@code profile} follows under this generator's seed. */
  public DemoTemplate templateOf(long profile) {
    return template(random(seed, profile));
  }
}
