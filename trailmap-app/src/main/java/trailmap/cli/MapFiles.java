package trailmap.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;

/** Reads map files for the CLI, turning every failure into a one-line reason. */
final class MapFiles {
  private MapFiles() {}

  /** A map file that could not be used, with the line to print and the exit code. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Unusable(String message) {
      this(message, ExitCodes.UNUSABLE);
    }

    Unusable(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    /** {@link ExitCodes#INVALID} for a map with problems, else {@link ExitCodes#UNUSABLE}. */
    int exitCode() {
      return exitCode;
    }
  }

  /** The file's text (UTF-8). */
  static String text(Path file) throws Unusable {
    try {
      if (Files.isDirectory(file)) {
        throw new Unusable(file + ": is a directory; give a .yaml or .json map file");
      }
      if (Files.size(file) > MapReader.MAX_CHARS) {
        throw new Unusable(
            "%s: %,d bytes, over the %,d byte limit for one map"
                .formatted(file, Files.size(file), MapReader.MAX_CHARS));
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new Unusable(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new Unusable(file + ": not UTF-8 text; save the map as UTF-8");
    } catch (IOException e) {
      throw new Unusable(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads and validates the map. */
  static MapReadResult read(Path file) throws Unusable {
    return MapReader.read(file.toString(), text(file));
  }

  /** Reads a map that must be valid; otherwise the first problems become the reason. */
  static JourneyMap valid(Path file) throws Unusable {
    MapReadResult result = read(file);
    if (result.map().isPresent()) {
      return result.map().get();
    }
    int count = result.problems().size();
    throw new Unusable(
        result.problems().getFirst()
            + (count > 1
                ? " (and %d more; run 'trailmap map validate %s')".formatted(count - 1, file)
                : ""),
        ExitCodes.INVALID);
  }
}
