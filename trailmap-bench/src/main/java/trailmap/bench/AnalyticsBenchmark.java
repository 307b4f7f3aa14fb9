package trailmap.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.analytics.discover.Discover;
import trailmap.analytics.discover.Discovery;
import trailmap.analytics.funnel.ConversionWindow;
import trailmap.analytics.funnel.FunnelEngine;
import trailmap.analytics.funnel.FunnelOrder;
import trailmap.analytics.funnel.FunnelQuery;
import trailmap.analytics.funnel.FunnelResult;
import trailmap.analytics.funnel.FunnelStep;
import trailmap.analytics.funnel.StepResult;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.paths.PathQuery;
import trailmap.analytics.paths.Paths;
import trailmap.analytics.paths.PathsFound;
import trailmap.demo.DemoJourneys;
import trailmap.events.Event;

/**
 * The analytics benchmark of issue 5: generates events in-process with {@link DemoJourneys}, builds
 * the analytics {@link EventTable} straight from them (no store), and times a 5-step ordered funnel
 * with a 14-day window ({@link FunnelEngine}), {@link Discover} and {@link Paths}, each after
 * warm-up over several repetitions. The baseline, in the same run: the same events in an in-memory
 * DuckDB table and the same funnel as SQL, whose per-step counts must equal the engine's.
 *
 * <p>The profile of an event is the generated person's number: the generator stitches each person
 * to exactly one profile, so this is the table the store would give after identity resolution.
 *
 * <pre>
 * java -Xmx8g -cp trailmap-bench/target/trailmap-bench.jar trailmap.bench.AnalyticsBenchmark \
 *   [--events 10000000] [--seed 1] [--warmup 3] [--runs 7] [--duckdb-threads N]
 * </pre>
 */
public final class AnalyticsBenchmark {
  /** The saas template's acquisition funnel; every step is an event name the generator emits. */
  static final List<String> FUNNEL =
      List.of("Ad Clicked", "Pricing", "Trial Started", "Email Opened", "Order Completed");

  static final String WINDOW = "14d";
  static final String PATHS_START = "Pricing";
  static final int PATHS_STEPS = 5;

  private long events = 10_000_000;
  private long seed = 1;
  private int warmup = 3;
  private int runs = 7;
  private int duckdbThreads = 0; // 0: DuckDB's default (one per core)

  public static void main(String[] args) throws Exception {
    AnalyticsBenchmark b = new AnalyticsBenchmark();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--events" -> b.events = Long.parseLong(value.replace("_", "").replace(",", ""));
        case "--seed" -> b.seed = Long.parseLong(value);
        case "--warmup" -> b.warmup = Integer.parseInt(value);
        case "--runs" -> b.runs = Integer.parseInt(value);
        case "--duckdb-threads" -> b.duckdbThreads = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --events --seed --warmup --runs --duckdb-threads");
      }
      i++;
    }
    if (b.events < 1 || b.events > Integer.MAX_VALUE - 8 || b.runs < 1 || b.warmup < 0) {
      throw new IllegalArgumentException("--events 1..2^31, --runs ≥ 1, --warmup ≥ 0");
    }
    System.exit(b.run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "analytics benchmark: %,d events, seed %d, %d warm-up + %d timed runs each%n"
            + "JVM %s, max heap %,d MB, GC %s, %d cores; Trailmap engines run on 1 thread%n",
        events,
        seed,
        warmup,
        runs,
        Runtime.version(),
        rt.maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")),
        rt.availableProcessors());

    long heapBefore = settledHeap();
    long t0 = System.nanoTime();
    EventTable table = generate();
    double buildMs = (System.nanoTime() - t0) / 1e6;
    long tableBytes = settledHeap() - heapBefore;
    System.out.printf(
        Locale.ROOT,
        "generated and built the table: %,d events over %,d profiles in %.0f ms"
            + " (generator and builder together)%n",
        table.events(),
        table.profiles(),
        buildMs);
    System.out.printf(Locale.ROOT, "ties (equal times within a profile): %d%n", ties(table));

    FunnelQuery query =
        FunnelQuery.builder(FUNNEL.stream().map(FunnelStep::event).toList())
            .order(FunnelOrder.ORDERED)
            .window(ConversionWindow.parse(WINDOW))
            .build();
    PathQuery pathQuery = new PathQuery(Optional.of(PATHS_START), Optional.empty(), PATHS_STEPS);

    resetPeaks();
    long heapAtQueries = usedHeap();
    Timing funnel = time("trailmap funnel", () -> FunnelEngine.run(query, table));
    Timing discover =
        time("trailmap discover", () -> Discover.of(table, Labelling.eventNames(table)));
    Timing paths =
        time("trailmap paths", () -> Paths.of(table, Labelling.eventNames(table), pathQuery));
    long peakHeap = peakHeap();
    FunnelResult funnelResult = (FunnelResult) funnel.result;
    Discovery discovery = (Discovery) discover.result;
    PathsFound found = (PathsFound) paths.result;

    long[] engineCounts = funnelResult.steps().stream().mapToLong(StepResult::count).toArray();
    Timing asof;
    Timing window;
    String duckThreads;
    long duckLoadMs;
    long duckMemory;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = c.createStatement()) {
        if (duckdbThreads > 0) {
          s.execute("SET threads = " + duckdbThreads);
        }
        duckThreads = scalar(s, "SELECT current_setting('threads')");
        long l0 = System.nanoTime();
        load(c, table);
        duckLoadMs = (System.nanoTime() - l0) / 1_000_000;
        duckMemory =
            Long.parseLong(scalar(s, "SELECT sum(memory_usage_bytes) FROM duckdb_memory()"));
        long windowMicros = ConversionWindow.parse(WINDOW).micros();
        String asofSql = funnelSql(FUNNEL, windowMicros);
        String windowSql = windowFunnelSql(FUNNEL, windowMicros);
        asof = time("duckdb funnel asof", () -> counts(s, asofSql));
        window = time("duckdb funnel window", () -> counts(s, windowSql));
      }
    }
    // The baseline is DuckDB's faster formulation.
    Timing duck = asof.median() <= window.median() ? asof : window;
    boolean ok = true;
    for (Timing t : List.of(asof, window)) {
      long[] counts = (long[]) t.result;
      boolean same = Arrays.equals(engineCounts, counts);
      ok &= same;
      System.out.printf(
          Locale.ROOT,
          "  counts: trailmap %s, %s %s -> %s%n",
          Arrays.toString(engineCounts),
          t.name,
          Arrays.toString(counts),
          same ? "equal" : "DIFFERENT");
    }

    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-24s %10s %10s %10s %12s%n",
        "run",
        "median ms",
        "min",
        "max",
        "alloc MB/run");
    for (Timing t : List.of(funnel, discover, paths, asof, window)) {
      System.out.printf(
          Locale.ROOT,
          "%-24s %10.1f %10.1f %10.1f %12s%n",
          t.name,
          t.median(),
          t.min(),
          t.max(),
          t.allocatedBytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f", t.allocatedBytes / 1e6));
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "funnel %s, window %s, ordered: per-step profiles %s, %s in DuckDB's two SQL forms%n",
        String.join(" → ", FUNNEL),
        WINDOW,
        Arrays.toString(engineCounts),
        ok ? "the same" : "NOT the same");
    System.out.printf(
        Locale.ROOT,
        "discover: %,d profiles, %,d edges, %,d variants; paths from %s (K=%d): %,d profiles, %,d"
            + " distinct paths%n",
        discovery.profiles(),
        discovery.edges().size(),
        discovery.variantCount(),
        PATHS_START,
        PATHS_STEPS,
        found.counted(),
        found.paths().size());
    System.out.printf(
        Locale.ROOT,
        "memory: table %,d MB retained (%.0f bytes/event); heap used %,d MB after building,"
            + " peak %,d MB during the Trailmap queries (sum of pool peaks)%n",
        tableBytes >> 20,
        (double) tableBytes / table.events(),
        heapAtQueries >> 20,
        peakHeap >> 20);
    System.out.printf(
        Locale.ROOT,
        "duckdb %s: %s threads, loaded in %,d ms by the Appender, %,d MB of DuckDB memory"
            + " (duckdb_memory(), outside the Java heap)%n",
        duckVersion(),
        duckThreads,
        duckLoadMs,
        duckMemory >> 20);
    double ratio = duck.median() / funnel.median();
    System.out.printf(
        Locale.ROOT,
        "ratio: %s %.1f ms / trailmap funnel %.1f ms = %.2f (trailmap 1 thread, duckdb %s)%n",
        duck.name,
        duck.median(),
        funnel.median(),
        ratio,
        duckThreads);

    if (!ok) {
      System.out.println(
          "FAILED: DuckDB's per-step counts differ from FunnelEngine's; the baseline is not the"
              + " same funnel");
    }
    boolean inTime = true;
    for (Timing t : List.of(funnel, discover, paths)) {
      boolean met = t.median() <= 1000;
      inTime &= met;
      System.out.printf(
          Locale.ROOT,
          "goal %-18s ≤ 1000 ms: %s (median %.1f ms)%n",
          t.name.replace("trailmap ", ""),
          met ? "met" : "NOT MET",
          t.median());
    }
    System.out.printf(
        Locale.ROOT,
        "goal funnel faster than DuckDB: %s (ratio %.2f)%n",
        ratio > 1 ? "met" : "NOT MET",
        ratio);
    System.out.println(
        ok && inTime && ratio > 1
            ? "all goals met"
            : ok ? "not every goal is met" : "counts differ");
    return ok;
  }

  /** Generates profiles until the table holds exactly {@link #events} events. */
  private EventTable generate() {
    DemoJourneys journeys = new DemoJourneys(seed, DemoJourneys.DEFAULT_END);
    EventTableBuilder builder = new EventTableBuilder();
    String[] id = new String[1];
    for (long p = 0; builder.size() < events; p++) {
      id[0] = "person-" + p;
      journeys.profile(
          p,
          (Event e) -> {
            if (builder.size() < events) {
              builder.add(
                  id[0],
                  e.timestamp().getEpochSecond() * 1_000_000L + e.timestamp().getNano() / 1_000,
                  e.name().orElse(""),
                  e.type(),
                  e.channel(),
                  e.source(),
                  e.properties());
            }
          });
    }
    return builder.build();
  }

  private static long ties(EventTable table) {
    long ties = 0;
    for (int p = 0; p < table.profiles(); p++) {
      for (int e = table.profileStart(p) + 1; e < table.profileEnd(p); e++) {
        if (table.micros(e) == table.micros(e - 1)) {
          ties++;
        }
      }
    }
    return ties;
  }

  /**
   * The same funnel in SQL. Each first-step event starts an attempt; an ASOF join finds, for each
   * step after the first, the earliest event of that step strictly after the attempt's previous
   * step (greedy earliest, which reaches furthest for an ordered funnel), kept only when it is at
   * most one window after the entry (inclusive) and only when the previous step was reached. That
   * last guard is spelled out rather than left to how the ASOF join treats a NULL time: without it,
   * DuckDB 1.5.6 counted about 10% more profiles at step 2 on the generated data than the engine
   * and a naive Java loop did (a small hand-made case did not show it). A profile counts at the
   * furthest step of any of its attempts. Strictly later times stand for "after in table order":
   * the generator never gives two events of a profile one time (the run counts ties and prints
   * them).
   */
  static String funnelSql(List<String> steps, long windowMicros) {
    StringBuilder sql = new StringBuilder("WITH ");
    for (int k = 1; k <= steps.size(); k++) {
      sql.append(
          "e%d AS (SELECT profile, ts FROM events WHERE name = '%s'),\n"
              .formatted(k, steps.get(k - 1).replace("'", "''")));
    }
    sql.append("a1 AS (SELECT profile, ts AS t1 FROM e1)");
    for (int k = 2; k <= steps.size(); k++) {
      String prev = "a" + (k - 1);
      StringBuilder carried = new StringBuilder(prev + ".profile, " + prev + ".t1");
      for (int j = 2; j < k; j++) {
        carried.append(", ").append(prev).append(".t").append(j);
      }
      sql.append(
          (",\na%d AS (SELECT %s, CASE WHEN %s.t%d IS NOT NULL AND e%d.ts <= %s.t1 + %d"
                  + " THEN e%d.ts END AS t%d FROM %s ASOF LEFT JOIN e%d ON %s.profile = e%d.profile"
                  + " AND %s.t%d < e%d.ts)")
              .formatted(
                  k,
                  carried,
                  prev,
                  k - 1,
                  k,
                  prev,
                  windowMicros,
                  k,
                  k,
                  prev,
                  k,
                  prev,
                  k,
                  prev,
                  k - 1,
                  k));
    }
    StringBuilder reach = new StringBuilder("1");
    for (int k = 2; k <= steps.size(); k++) {
      reach.append(" + (t").append(k).append(" IS NOT NULL)::INTEGER");
    }
    sql.append(
        ",\nreach AS (SELECT profile, max(%s) AS r FROM a%d GROUP BY profile)\nSELECT "
            .formatted(reach, steps.size()));
    for (int k = 1; k <= steps.size(); k++) {
      sql.append(k > 1 ? ", " : "").append("count(*) FILTER (WHERE r >= ").append(k).append(")");
    }
    return sql.append(" FROM reach").toString();
  }

  /**
   * The same funnel with window functions instead of ASOF joins: over the step events only, each
   * row gets the time of the next event of every later step (a {@code min … FILTER} over the
   * following rows of its profile); an attempt follows that chain from its entry, looking the row
   * of each reached step up by (profile, time), which is unique when there are no ties.
   */
  static String windowFunnelSql(List<String> steps, long windowMicros) {
    StringBuilder in = new StringBuilder();
    for (int k = 0; k < steps.size(); k++) {
      in.append(k > 0 ? ", " : "").append(quote(steps.get(k)));
    }
    StringBuilder next = new StringBuilder();
    for (int k = 2; k <= steps.size(); k++) {
      next.append(
          ", min(ts) FILTER (WHERE name = %s) OVER w AS n%d".formatted(quote(steps.get(k - 1)), k));
    }
    StringBuilder sql =
        new StringBuilder(
            ("WITH n AS (SELECT profile, ts, name%s FROM events WHERE name IN (%s)"
                    + " WINDOW w AS (PARTITION BY profile ORDER BY ts ROWS BETWEEN 1 FOLLOWING AND"
                    + " UNBOUNDED FOLLOWING)),\n")
                .formatted(next, in));
    sql.append(
        "a1 AS (SELECT profile, ts AS t1, CASE WHEN n2 <= ts + %d THEN n2 END AS t2 FROM n WHERE name = %s)"
            .formatted(windowMicros, quote(steps.get(0))));
    for (int k = 3; k <= steps.size(); k++) {
      String prev = "a" + (k - 2);
      StringBuilder carried = new StringBuilder(prev + ".profile, " + prev + ".t1");
      for (int j = 2; j < k; j++) {
        carried.append(", ").append(prev).append(".t").append(j);
      }
      sql.append(
          (",\na%d AS (SELECT %s, CASE WHEN r.n%d <= %s.t1 + %d THEN r.n%d END AS t%d FROM %s"
                  + " LEFT JOIN n r ON r.profile = %s.profile AND r.ts = %s.t%d)")
              .formatted(k - 1, carried, k, prev, windowMicros, k, k, prev, prev, prev, k - 1));
    }
    StringBuilder reach = new StringBuilder("1");
    for (int k = 2; k <= steps.size(); k++) {
      reach.append(" + (t").append(k).append(" IS NOT NULL)::INTEGER");
    }
    sql.append(
        ",\nreach AS (SELECT profile, max(%s) AS r FROM a%d GROUP BY profile)\nSELECT "
            .formatted(reach, steps.size() - 1));
    for (int k = 1; k <= steps.size(); k++) {
      sql.append(k > 1 ? ", " : "").append("count(*) FILTER (WHERE r >= ").append(k).append(")");
    }
    return sql.append(" FROM reach").toString();
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static long[] counts(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      long[] counts = new long[r.getMetaData().getColumnCount()];
      for (int k = 0; k < counts.length; k++) {
        counts[k] = r.getLong(k + 1);
      }
      return counts;
    }
  }

  /** The table's events, in table order (by profile, then time), with the Appender. */
  private static void load(Connection c, EventTable table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events (profile INTEGER NOT NULL, ts BIGINT NOT NULL, name VARCHAR NOT"
              + " NULL, channel VARCHAR NOT NULL)");
    }
    String[] names = table.names().texts().toArray(String[]::new);
    String[] channels = table.channels().texts().toArray(String[]::new);
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
      for (int p = 0; p < table.profiles(); p++) {
        for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
          a.beginRow();
          a.append(p);
          a.append(table.micros(e));
          a.append(names[table.name(e)]);
          a.append(channels[table.channel(e)]);
          a.endRow();
        }
      }
    }
  }

  private static String scalar(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String duckVersion() {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      return scalar(s, "SELECT version()");
    } catch (SQLException e) {
      return "?";
    }
  }

  /** Warm-up runs, then timed runs; the result of the last run is kept. */
  private Timing time(String name, Callable<Object> work) throws Exception {
    Object result = null;
    for (int i = 0; i < warmup; i++) {
      result = work.call();
    }
    double[] ms = new double[runs];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocated = 0;
    for (int i = 0; i < runs; i++) {
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long t0 = System.nanoTime();
      result = work.call();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      allocated += threads.getCurrentThreadAllocatedBytes() - a0;
    }
    System.out.printf(
        Locale.ROOT,
        "  %s: %s ms%n",
        name,
        Arrays.stream(ms)
            .mapToObj(v -> String.format(Locale.ROOT, "%.0f", v))
            .collect(Collectors.joining(" ")));
    return new Timing(name, ms, name.startsWith("duckdb") ? -1 : allocated / runs, result);
  }

  private record Timing(String name, double[] ms, long allocatedBytes, Object result) {
    double median() {
      double[] s = ms.clone();
      Arrays.sort(s);
      int n = s.length;
      return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
      return Arrays.stream(ms).min().orElse(0);
    }

    double max() {
      return Arrays.stream(ms).max().orElse(0);
    }
  }

  /** Heap used after full collections have settled (three in a row, as long as usage falls). */
  private static long settledHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      long now = usedHeap();
      if (now >= used) {
        return Math.min(now, used);
      }
      used = now;
    }
    return used;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
      }
    }
    return pools;
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since {@link #resetPeaks}: an upper bound of the peak. */
  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
