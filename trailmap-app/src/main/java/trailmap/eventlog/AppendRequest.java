package trailmap.eventlog;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One call to append, encoded, waiting for the writer. */
record AppendRequest(List<EncodedRecord> records, CompletableFuture<EventLog.AppendResult> result)
    implements WriterTask {
  /** Tells the writer to finish what it has and stop. */
  static final AppendRequest STOP = new AppendRequest(List.of(), new CompletableFuture<>());
}
