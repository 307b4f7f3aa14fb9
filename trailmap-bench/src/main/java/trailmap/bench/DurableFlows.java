package trailmap.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import trailmap.eventlog.FileEventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.DraftResult;
import trailmap.flows.runtime.FlowRuntime;
import trailmap.flows.runtime.FlowSettings;
import trailmap.flows.runtime.FlowStore;
import trailmap.maps.EventType;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileProcessor;
import trailmap.profiles.ProfileStore;

/**
 * The server's durable flow pipeline in one data directory, without HTTP: a {@link FileEventLog},
 * the {@link ProfileProcessor} applying it to {@code profiles.db}, and a {@link FlowRuntime} on
 * {@code flows.db} built as the server builds it but without its threads, so the benchmark drives
 * it with {@link FlowRuntime#advance()} on a {@link BenchClock}. The processor starts with {@link
 * #startProfiles} (so a heap baseline can be taken before it runs). The runtime reads no further
 * than the processor has applied and than {@link #gate}, which the benchmark moves to feed it a
 * chunk of the log at a time. Closing stops everything and deletes the directory.
 */
final class DurableFlows implements AutoCloseable {
  /** Email bodies of the example flows: about 1 KB of HTML each, personalised. */
  static final List<String> TEMPLATES =
      List.of("welcome", "onboarding-tips", "pricing-questions", "csat-survey");

  final Path dir;
  final BenchClock clock;
  final FileEventLog log;
  final ProfileStore profiles;
  final FlowStore flows;
  private volatile ProfileProcessor processor;
  final AtomicLong gate = new AtomicLong(Long.MAX_VALUE);
  final FlowRuntime runtime;
  final FlowSettings settings;
  private final boolean keep;

  /**
   * Stands in for the sender's fsync: the flow thread commits without one, and the sender syncs
   * flows.db before each round it hands over (docs/flows-runtime.md, "When a commit reaches the
   * disk"). Here it syncs every {@link #SYNC_EVERY_NANOS} while a commit is unsynced, as a loaded
   * sender would, so the disk's work is done during the measurement, on its own thread as in the
   * server.
   */
  private final Thread senderSync;

  /**
   * How often the stand-in syncs: a loaded sender hands a round of up to 50 messages to SMTP at a
   * few milliseconds each, then syncs before the next round. Syncing after every commit instead
   * (the most a sender could) gained nothing over an fsync in each commit (README, change 24).
   */
  private static final long SYNC_EVERY_NANOS = 100_000_000;

  private volatile boolean closing;

  private volatile RuntimeException syncFailure;

  private DurableFlows(Path dir, Instant start, MessagePolicy policy, boolean keep) {
    this.dir = dir;
    this.keep = keep;
    this.clock = new BenchClock(start);
    this.log = FileEventLog.open(dir.resolve("eventlog"));
    this.profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock);
    this.flows = FlowStore.open(dir, clock);
    // No SMTP: emails are decided, rendered and queued in the outbox (what the flow thread does);
    // delivering them is the sender's work, which advance() leaves out.
    this.settings = FlowSettings.defaults(URI.create("http://127.0.0.1:7070")).withPolicy(policy);
    this.runtime =
        FlowRuntime.create(
            flows,
            profiles,
            log,
            () -> {
              ProfileProcessor p = processor;
              return p == null ? 0 : Math.min(gate.get(), p.position());
            },
            clock,
            settings);
    String body =
        "<html><body><p>Hello {{ traits.firstName | default: 'there' }},</p>"
            + "<p>"
            + "Thanks for trying Trailmap. Here is what to do next. ".repeat(16)
            + "</p><p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p></body></html>";
    TEMPLATES.forEach(name -> flows.saveTemplate(name, body));
    this.senderSync =
        Thread.ofPlatform()
            .daemon()
            .name("bench-sender-sync")
            .start(
                () -> {
                  try {
                    while (!closing) {
                      flows.syncDecisions();
                      LockSupport.parkNanos(SYNC_EVERY_NANOS);
                    }
                  } catch (RuntimeException e) {
                    syncFailure = e; // close() fails the run: figures without the sync are wrong
                  }
                });
  }

  /**
   * A fresh temp directory with the pipeline open on it.
   *
   * @param keep leave the directory in place on close (to look into flows.db), and say where
   */
  static DurableFlows open(String name, Instant start, MessagePolicy policy, boolean keep)
      throws IOException {
    return new DurableFlows(Files.createTempDirectory("trailmap-" + name), start, policy, keep);
  }

  /** Stores the document as the flow's next version and publishes it. */
  void publish(String source, String text) {
    DraftResult draft = flows.createDraft(source, text);
    if (!(draft instanceof DraftResult.Created created)) {
      throw new IllegalStateException(source + " is not a valid flow: " + draft);
    }
    flows.publish(created.version().flowId(), created.version().version(), false);
  }

  /** Appends the events durably, 1,000 per append (a large /v1/batch). */
  void append(List<Event> events) {
    for (int from = 0; from < events.size(); from += 1000) {
      log.append(events.subList(from, Math.min(events.size(), from + 1000))).join();
    }
  }

  /** Starts the profile processor on its own thread (as the server does, 5,000 per batch). */
  void startProfiles() {
    if (processor == null) {
      processor = ProfileProcessor.start(log, profiles, 5000);
    }
  }

  /** Waits until the profile processor has applied every event before {@code position}. */
  void awaitProfiles(long position) throws InterruptedException {
    startProfiles();
    if (!processor.awaitPosition(position, Duration.ofMinutes(10))) {
      throw new IllegalStateException("the profile processor did not reach " + position);
    }
  }

  /** How many events of the log the profile processor has applied (0 before it starts). */
  long profilesPosition() {
    ProfileProcessor p = processor;
    return p == null ? 0 : p.position();
  }

  /** Waits until the profile processor has applied the whole log; returns the seconds it took. */
  double applyProfiles() throws InterruptedException {
    long started = System.nanoTime();
    startProfiles();
    if (!processor.awaitPosition(log.end(), Duration.ofMinutes(10))) {
      throw new IllegalStateException("the profile processor did not catch up in 10 minutes");
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** flows.db with its WAL, in bytes. */
  long flowsDbBytes() throws IOException {
    return bytes(flows.file());
  }

  long profilesDbBytes() throws IOException {
    return bytes(profiles.file());
  }

  private static long bytes(Path db) throws IOException {
    long total = 0;
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        total += Files.size(f);
      }
    }
    return total;
  }

  /** A track call with the user's traits in it (as context.traits of an analytics.js call). */
  static Event track(String messageId, String user, String name, Instant at, JsonValue.Obj traits) {
    return new Event(
        messageId,
        EventType.TRACK,
        Optional.of(name),
        Optional.of(user),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        traits,
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        "trailmap-bench");
  }

  @Override
  public void close() throws IOException {
    closing = true;
    try {
      senderSync.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runtime.close();
    if (syncFailure != null) {
      throw new IllegalStateException("the stand-in sender's sync failed", syncFailure);
    }
    if (processor != null) {
      processor.close();
    }
    flows.close();
    profiles.close();
    log.close();
    if (keep) {
      System.out.println("kept " + dir);
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
