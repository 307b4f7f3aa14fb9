package trailmap.eventlog;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The process {@link DiskFailureTest} runs under a file-size limit ({@code ulimit -f}), so its
 * writes really fail: appends one event at a time until an append fails, then tries once more.
 * Prints {@code ACK <id>} per acknowledged event, {@code FAILED <message>} and {@code REFUSED
 * <message>}.
 *
 * <p>Usage: {@code FullDiskAppender DIR}
 */
public final class FullDiskAppender {
  private FullDiskAppender() {}

  public static void main(String[] args) {
    try (FileEventLog log = FileEventLog.open(Path.of(args[0]))) {
      for (int i = 0; ; i++) {
        String id = "disk-" + i;
        try {
          log.append(List.of(TestEvents.event(id))).join();
          System.out.println("ACK " + id);
        } catch (CompletionException e) {
          System.out.println("FAILED " + e.getCause().getMessage());
          break;
        }
      }
      try {
        log.append(List.of(TestEvents.event("after-failure"))).join();
        System.out.println("ACCEPTED after-failure");
      } catch (CompletionException e) {
        System.out.println("REFUSED " + e.getCause().getMessage());
      }
    }
  }
}
