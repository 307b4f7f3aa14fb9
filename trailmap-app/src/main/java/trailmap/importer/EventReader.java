package trailmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one file's records, in file order, handing each to the consumer as an event or a rejection.
 * A bad record never stops the reader; only input that cannot be read any further (an I/O error,
 * XML that is no longer well-formed) ends it, after a final rejection saying so.
 */
public interface EventReader {

  /**
   * Reads {@code in} (already decompressed) to its end. Does not close it.
   *
   * @throws IOException when the stream itself fails
   * @throws UnusableInputException when the file cannot be imported at all (e.g. a CSV header lacks
   *     a mapped column)
   */
  void read(InputStream in, ReadContext context, Consumer<ReadItem> out) throws IOException;
}
