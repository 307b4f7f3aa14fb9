package trailmap.importer;

/**
 * Where imported events go: the event log (offline) or a server's {@code /v1/batch}. Called from
 * one thread, in file order; a sink keeps that order, so events of one profile with equal
 * timestamps stay in file order.
 */
interface EventSink extends AutoCloseable {

  /** Takes one event; may send a batch, reporting into the tally. */
  void add(ReadItem.Parsed item, String file, Tally tally);

  /** Sends what is buffered. */
  void flush(Tally tally);

  @Override
  void close();
}
