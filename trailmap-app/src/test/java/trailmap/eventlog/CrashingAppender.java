package trailmap.eventlog;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import trailmap.events.Event;

/**
 * The process {@link CrashTest} kills: appends from several threads until killed and prints each
 * messageId as {@code <id>;} on stdout only after its append's future completed. Every fifth append
 * is retried (the same events again), as a client that missed the answer would.
 *
 * <p>Usage: {@code CrashingAppender DIR RUN THREADS}
 */
public final class CrashingAppender {
  private CrashingAppender() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    String run = args[1];
    int threads = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    FileEventLog log =
        FileEventLog.open(dir, EventLogOptions.defaults().withSegmentBytes(256 << 10));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "r" + run + "-t" + t + "-";
      workers.add(Thread.ofVirtual().start(() -> appendForever(log, prefix, out)));
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  private static void appendForever(FileEventLog log, String prefix, PrintStream out) {
    List<Event> previous = List.of();
    for (int seq = 0; ; seq++) {
      List<Event> batch = previous;
      if (seq % 5 != 4 || previous.isEmpty()) {
        int size = ThreadLocalRandom.current().nextInt(1, 20);
        batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          batch.add(TestEvents.event(prefix + seq + "-" + i));
        }
      }
      log.append(batch).join();
      StringBuilder acked = new StringBuilder();
      for (Event e : batch) {
        acked.append(e.messageId()).append(";\n");
      }
      synchronized (out) {
        out.print(acked);
        out.flush();
      }
      previous = batch;
    }
  }
}
