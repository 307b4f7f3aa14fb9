package trailmap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recording of one measured phase of a benchmark (the timers, the events catch-up),
 * written to {@code DIR/PHASE.jfr} when the phase ends: a profiler attached from outside cannot
 * tell from the output when a phase starts, since its line is printed only once the part ends. With
 * no directory it records nothing. Uses the JDK's {@code profile} settings (method samples every 10
 * ms, allocation and lock events).
 */
final class PhaseRecording {
  private final Optional<Recording> recording;
  private final Path file;

  private PhaseRecording(Optional<Recording> recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /** Starts recording {@code phase} into {@code dir}, or nothing when {@code dir} is null. */
  static PhaseRecording start(Path dir, String phase) {
    if (dir == null) {
      return new PhaseRecording(Optional.empty(), null);
    }
    try {
      Files.createDirectories(dir);
      Recording r = new Recording(Configuration.getConfiguration("profile"));
      r.setName(phase);
      r.start();
      return new PhaseRecording(Optional.of(r), dir.resolve(phase + ".jfr"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record into " + dir, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the JDK's JFR 'profile' settings do not parse", e);
    }
  }

  /** Stops the recording and writes it out, saying where. */
  void stop() {
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
