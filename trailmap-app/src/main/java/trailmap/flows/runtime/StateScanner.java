package trailmap.flows.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/**
 * Reads a flow state's JSON when it is exactly what {@link StateCodec#write} writes (its fields in
 * its order, no escaped character), without a JSON parser; anything else is a miss, which {@link
 * StateCodec#read} then reads with Jackson. An event is handed to every flow a profile is in, so a
 * page of events reads up to 20 states per profile: Jackson took 1.4 µs a state, a tenth of an
 * event's samples with 20 flows (trailmap-bench/README.md, session 15).
 */
final class StateScanner {
  /** Not the shape {@link StateCodec#write} writes: read it with the general reader. */
  private static final class Miss extends RuntimeException {
    private static final Miss INSTANCE = new Miss();

    private Miss() {
      super(null, null, false, false); // thrown often enough that a stack trace would cost
    }
  }

  private final String s;
  private int at;

  private StateScanner(String s) {
    this.s = s;
  }

  /** The state, or null when {@code json} is not in {@link StateCodec#write}'s exact shape. */
  static FlowState read(
      ProfileId profile, String flowId, String json, Function<String, Instant> instants) {
    if (json.indexOf('\\') >= 0) {
      return null; // an escaped character: the general reader unescapes it
    }
    try {
      return new StateScanner(json).state(profile, flowId, instants);
    } catch (Miss miss) {
      return null;
    }
  }

  private FlowState state(ProfileId profile, String flowId, Function<String, Instant> instants) {
    expect("{\"version\":");
    int version = number();
    expect(",\"entries\":");
    int entries = number();
    Optional<Instant> lastEnteredAt =
        eat(",\"lastEnteredAt\":") ? Optional.of(instants.apply(text())) : Optional.empty();
    Optional<Outcome> lastOutcome =
        eat(",\"lastOutcome\":") ? Optional.of(outcome(text())) : Optional.empty();
    Optional<Run> run = eat(",\"run\":") ? Optional.of(run(instants)) : Optional.empty();
    expect("}");
    if (at != s.length()) {
      throw Miss.INSTANCE;
    }
    return new FlowState(profile, flowId, version, entries, lastEnteredAt, run, lastOutcome);
  }

  private Run run(Function<String, Instant> instants) {
    expect("{\"entry\":");
    int entry = number();
    expect(",\"enteredAt\":");
    Instant enteredAt = instants.apply(text());
    expect(",\"step\":");
    String step = text();
    expect(",\"stepEnteredAt\":");
    Instant stepEnteredAt = instants.apply(text());
    expect(",\"heldOut\":");
    boolean heldOut;
    if (eat("true")) {
      heldOut = true;
    } else {
      expect("false");
      heldOut = false;
    }
    Optional<Instant> wakeAt =
        eat(",\"wakeAt\":") ? Optional.of(instants.apply(text())) : Optional.empty();
    expect(",\"variants\":");
    Map<String, String> variants = object(this::text);
    expect(",\"visits\":");
    Map<String, Integer> visits = object(this::number);
    expect("}");
    return new Run(entry, enteredAt, step, stepEnteredAt, wakeAt, heldOut, variants, visits);
  }

  /** An object of names to values that {@code value} reads, in write()'s order. */
  private <V> Map<String, V> object(Supplier<V> value) {
    expect("{");
    Map<String, V> entries = new HashMap<>();
    while (!eat("}")) {
      if (!entries.isEmpty()) {
        expect(",");
      }
      String name = text();
      expect(":");
      entries.put(name, value.get());
    }
    return entries;
  }

  private static Outcome outcome(String name) {
    try {
      return Outcome.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw Miss.INSTANCE; // the general reader says it is damaged
    }
  }

  private boolean eat(String literal) {
    if (s.startsWith(literal, at)) {
      at += literal.length();
      return true;
    }
    return false;
  }

  private void expect(String literal) {
    if (!eat(literal)) {
      throw Miss.INSTANCE;
    }
  }

  /** A string without escapes (the caller turned those away). */
  private String text() {
    expect("\"");
    int end = s.indexOf('"', at);
    if (end < 0) {
      throw Miss.INSTANCE;
    }
    String text = s.substring(at, end);
    at = end + 1;
    return text;
  }

  /** An int as Jackson writes one: an optional minus and up to nine digits (more: a miss). */
  private int number() {
    boolean negative = eat("-");
    int start = at;
    int value = 0;
    while (at < s.length() && at - start < 10) {
      char c = s.charAt(at);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
      at++;
    }
    int digits = at - start;
    if (digits == 0 || digits > 9 || (digits > 1 && s.charAt(start) == '0')) {
      throw Miss.INSTANCE;
    }
    return negative ? -value : value;
  }
}
