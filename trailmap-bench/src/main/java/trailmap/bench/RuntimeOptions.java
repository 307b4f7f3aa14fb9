package trailmap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line options of {@link FlowRuntimeBenchmark}; every one has a default. */
final class RuntimeOptions {
  int profiles = 1_000_000;
  int chunk = 10_000;
  int realEntries = 20_000;
  int timerSeconds = 15;
  int events = 100_000;
  int eventProfiles = 20_000;
  Path examples = Path.of("examples/flows");
  boolean waiting = true;
  boolean eventRun = true;
  boolean keep;

  /** Where to write a JFR recording of each measured phase (timers, events), or null for none. */
  Path jfr;

  static RuntimeOptions parse(String[] args) {
    RuntimeOptions o = new RuntimeOptions();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--profiles" -> o.profiles = positive(args[i], value);
        case "--chunk" -> o.chunk = positive(args[i], value);
        case "--real-entries" -> o.realEntries = positive(args[i], value);
        case "--timer-seconds" -> o.timerSeconds = positive(args[i], value);
        case "--events" -> o.events = positive(args[i], value);
        case "--event-profiles" -> o.eventProfiles = positive(args[i], value);
        case "--examples" -> o.examples = Path.of(value);
        case "--parts" -> {
          o.waiting = value.contains("waiting");
          o.eventRun = value.contains("events");
        }
        case "--keep" -> o.keep = value.equals("true");
        case "--jfr" -> o.jfr = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --profiles --real-entries --chunk --timer-seconds --events --event-profiles"
                    + " --examples --parts waiting,events --keep false --jfr DIR");
      }
    }
    return o;
  }

  private static int positive(String option, String value) {
    int n;
    try {
      n = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + n);
    }
    return n;
  }

  /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
