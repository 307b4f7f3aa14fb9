package trailmap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Marks a measured phase of a benchmark (the timers, the events catch-up) on stderr, {@code <time>
 * phase timers starts} and {@code ... ends}, and, given a directory, records it with Java Flight
 * Recorder into {@code DIR/PHASE.jfr} (the JDK's {@code profile} settings: method samples every 10
 * ms, allocations, locks). A phase's results reach stdout only when its whole part has ended, so a
 * profiler attached from outside (perf, async-profiler) waits for the start line instead.
 */
final class PhaseRecording {
  private final Optional<Recording> recording;
  private final Path file;
  private final String name;

  /** For a phase that is not measured (a warm-up): marks and records nothing. */
  static final PhaseRecording NONE = new PhaseRecording(Optional.empty(), null, null);

  private PhaseRecording(Optional<Recording> recording, Path file, String name) {
    this.recording = recording;
    this.name = name;
    this.file = file;
  }

  /** Starts recording {@code phase} into {@code dir}, or nothing when {@code dir} is null. */
  static PhaseRecording start(Path dir, String phase) {
    System.err.println(Instant.now() + " phase " + phase + " starts");
    if (dir == null) {
      return new PhaseRecording(Optional.empty(), null, phase);
    }
    try {
      Files.createDirectories(dir);
      Recording r = new Recording(Configuration.getConfiguration("profile"));
      r.setName(phase);
      r.start();
      return new PhaseRecording(Optional.of(r), dir.resolve(phase + ".jfr"), phase);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record into " + dir, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the JDK's JFR 'profile' settings do not parse", e);
    }
  }

  /** Stops the recording and writes it out, saying where. */
  void stop() {
    if (name == null) {
      return;
    }
    System.err.println(Instant.now() + " phase " + name + " ends");
    recording.ifPresent(
        r -> {
          r.stop();
          try {
            r.dump(file);
            System.err.println("recorded " + r.getName() + " into " + file);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
          } finally {
            r.close();
          }
        });
  }
}
