package trailmap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import trailmap.importer.Rejection;
import trailmap.importer.UnusableInputException;

/**
 * The {@code --errors FILE} of {@code trailmap import}: every rejection as one {@code FILE:LINE:
 * reason} line, written as it happens so no count of rejections is held in memory. Without a file
 * it writes nothing.
 */
final class RejectionFile implements AutoCloseable {
  private final Optional<BufferedWriter> writer;

  private RejectionFile(Optional<BufferedWriter> writer) {
    this.writer = writer;
  }

  /**
   * Creates (or empties) the file before the import starts.
   *
   * @throws UnusableInputException when it cannot be written
   */
  static RejectionFile open(Optional<Path> file) {
    if (file.isEmpty()) {
      return new RejectionFile(Optional.empty());
    }
    try {
      return new RejectionFile(
          Optional.of(Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UnusableInputException("--errors " + file.get() + ": cannot write it (" + e + ")");
    }
  }

  void write(Rejection rejection) {
    if (writer.isPresent()) {
      try {
        writer.get().write(rejection.toString());
        writer.get().newLine();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the --errors file", e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (writer.isPresent()) {
      writer.get().close();
    }
  }
}
