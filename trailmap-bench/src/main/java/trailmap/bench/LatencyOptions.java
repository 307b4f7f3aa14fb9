package trailmap.bench;

import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link FlowLatencyBenchmark}; every value has a default but the key. */
final class LatencyOptions {
  String url = "http://127.0.0.1:7391";
  String adminKey = "";
  int smtpPort = 7392;
  List<Integer> rates = List.of(100, 200);
  int seconds = 15;

  /**
   * Seconds at the first rate before measuring: a server just started was still compiling its hot
   * paths 20 s in (p99 350 ms in the first 15 s measured after a 5 s warm-up, 26 ms in the next).
   */
  int warmup = 30;

  static LatencyOptions parse(String[] args) {
    LatencyOptions o = new LatencyOptions();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--url" -> o.url = value;
        case "--admin-key" -> o.adminKey = value;
        case "--smtp-port" -> o.smtpPort = Integer.parseInt(value);
        case "--rate", "--rates" -> {
          List<Integer> rates = new ArrayList<>();
          for (String r : value.split(",")) {
            rates.add(Integer.parseInt(r.strip()));
          }
          o.rates = List.copyOf(rates);
        }
        case "--seconds" -> o.seconds = Integer.parseInt(value);
        case "--warmup" -> o.warmup = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --url --admin-key --smtp-port --rates 100,200 --seconds --warmup");
      }
    }
    if (o.adminKey.isEmpty()) {
      throw new IllegalArgumentException("--admin-key is required (the server's admin key)");
    }
    if (o.rates.isEmpty() || o.rates.stream().anyMatch(r -> r < 1) || o.seconds < 1) {
      throw new IllegalArgumentException(
          "--rates and --seconds must be at least 1, were " + o.rates + " and " + o.seconds);
    }
    if (o.warmup < 0) {
      throw new IllegalArgumentException("--warmup must be at least 0, was " + o.warmup);
    }
    return o;
  }
}
