package trailmap.importer;

import java.time.Instant;

/**
 * What every record of one file shares.
 *
 * @param fileName the file's name without its directory; derived messageIds are built from it
 * @param receivedAt the time of the import, recorded as each event's {@code receivedAt}
 * @param channel the channel of records that name none ({@code context.channel}, a mapped column);
 *     blank leaves it to the receiver (an event's channel is then "unknown", and over HTTP the
 *     source's default channel applies)
 * @param source the source recorded on each event
 */
public record ReadContext(String fileName, Instant receivedAt, String channel, String source) {
  public ReadContext {
    if (fileName == null || fileName.isBlank() || receivedAt == null) {
      throw new IllegalArgumentException("a read context needs a file name and receivedAt");
    }
    channel = channel == null ? "" : channel.strip();
    source = source == null || source.isBlank() ? "import" : source;
  }
}
