package trailmap.bench;

/** Command-line options of {@link IngestBenchmark}; every value has a default but the key. */
final class Options {
  String url = "http://127.0.0.1:7070";
  String writeKey = "";
  int seconds = 15;
  int warmup = 5;
  int serverWarmup = 20;
  int rate = 20_000;
  int batch = 100;
  int inFlight = 32;

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--url" -> o.url = value;
        case "--write-key" -> o.writeKey = value;
        case "--seconds" -> o.seconds = Integer.parseInt(value);
        case "--warmup" -> o.warmup = Integer.parseInt(value);
        case "--server-warmup" -> o.serverWarmup = Integer.parseInt(value);
        case "--rate" -> o.rate = Integer.parseInt(value);
        case "--batch" -> o.batch = Integer.parseInt(value);
        case "--in-flight" -> o.inFlight = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --url --write-key --seconds --warmup --server-warmup --rate --batch --in-flight");
      }
      i++;
    }
    if (o.writeKey.isEmpty()) {
      throw new IllegalArgumentException("--write-key is required (POST /api/sources makes one)");
    }
    return o;
  }
}
