package trailmap.eventlog;

import java.util.concurrent.CompletableFuture;

/** One call to erase: the positions, sorted and distinct, waiting for the writer. */
record EraseRequest(long[] positions, CompletableFuture<Long> result) implements WriterTask {}
