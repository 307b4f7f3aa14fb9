package trailmap.bench;

/** Command-line options of {@link FlowLatencyBenchmark}; every value has a default but the key. */
final class LatencyOptions {
  String url = "http://127.0.0.1:7391";
  String adminKey = "";
  int smtpPort = 7392;
  int rate = 200;
  int seconds = 20;
  int warmup = 10;

  static LatencyOptions parse(String[] args) {
    LatencyOptions o = new LatencyOptions();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--url" -> o.url = value;
        case "--admin-key" -> o.adminKey = value;
        case "--smtp-port" -> o.smtpPort = Integer.parseInt(value);
        case "--rate" -> o.rate = Integer.parseInt(value);
        case "--seconds" -> o.seconds = Integer.parseInt(value);
        case "--warmup" -> o.warmup = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --url --admin-key --smtp-port --rate --seconds --warmup");
      }
    }
    if (o.adminKey.isEmpty()) {
      throw new IllegalArgumentException("--admin-key is required (the server's admin key)");
    }
    if (o.rate < 1 || o.seconds < 1 || o.warmup < 0) {
      throw new IllegalArgumentException(
          "--rate and --seconds must be at least 1 and --warmup at least 0, were %d, %d, %d"
              .formatted(o.rate, o.seconds, o.warmup));
    }
    return o;
  }
}
