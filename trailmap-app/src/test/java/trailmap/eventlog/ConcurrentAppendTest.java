package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.Event;

class ConcurrentAppendTest {
  @TempDir Path dir;

  @Test
  void acknowledgesEveryAppendFromManyVirtualThreadsAndStoresEachEventOnce() throws Exception {
    int threads = 200;
    int appendsPerThread = 10;
    int eventsPerAppend = 5;
    EventLogOptions options = EventLogOptions.defaults().withSegmentBytes(64 << 10);
    List<Future<Integer>> results = new ArrayList<>();
    try (FileEventLog log = FileEventLog.open(dir, options);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int acknowledged = 0;
                  for (int a = 0; a < appendsPerThread; a++) {
                    List<Event> events =
                        TestEvents.events("t" + thread + "-" + a + "-", eventsPerAppend);
                    // The retry of the same append: its events are duplicates, never stored twice.
                    CompletableFuture<EventLog.AppendResult> first = log.append(events);
                    CompletableFuture<EventLog.AppendResult> retry = log.append(events);
                    acknowledged += first.join().accepted() + retry.join().accepted();
                  }
                  return acknowledged;
                }));
      }
      int acknowledged = 0;
      for (Future<Integer> r : results) {
        acknowledged += r.get();
      }
      int total = threads * appendsPerThread * eventsPerAppend;

      assertThat(acknowledged).isEqualTo(total);
      // Group commit: 4,000 appends (2,000 storing something), at most one fsync per 4 of them.
      assertThat(log.forces()).isPositive().isLessThan(threads * appendsPerThread / 2);
      assertThat(log.end()).isEqualTo(total);
      List<String> stored = TestEvents.ids(log.read(0, total + 10));
      assertThat(stored).hasSize(total);
      Set<String> distinct = new HashSet<>(stored);
      assertThat(distinct).hasSize(total);
      assertThat(distinct).contains("t0-0-0", "t199-9-4");
    }
  }

  @Test
  void readersSeeOnlyCommittedEventsWhileAppendsRun() throws Exception {
    try (FileEventLog log = FileEventLog.open(dir);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int a = 0; a < 50; a++) {
                  log.append(TestEvents.events("w" + a + "-", 20)).join();
                }
              });
      while (!writer.isDone()) {
        long end = log.end();
        List<EventLog.LogEntry> read = log.read(0, Integer.MAX_VALUE);
        assertThat(read.size()).isGreaterThanOrEqualTo((int) end);
        for (int i = 0; i < read.size(); i++) {
          assertThat(read.get(i).position()).isEqualTo(i);
        }
      }
      writer.get();
      assertThat(log.read(0, 5000)).hasSize(1000);
    }
  }
}
