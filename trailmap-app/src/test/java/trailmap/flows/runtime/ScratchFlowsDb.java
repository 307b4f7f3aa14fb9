package trailmap.flows.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import trailmap.store.Database;

/**
 * A flows.db at the latest schema in a directory of its own, deleted with it on close: for jqwik
 * properties, whose tries each need a fresh file and get no {@code @TempDir}.
 */
final class ScratchFlowsDb implements AutoCloseable {
  private final Path dir;
  final Database db;

  ScratchFlowsDb(String name) throws IOException {
    this.dir = Files.createTempDirectory(name);
    this.db = Database.open(dir.resolve("flows.db"), FlowSchema.STEPS, Database.Synchronous.OFF);
  }

  @Override
  public void close() {
    db.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
