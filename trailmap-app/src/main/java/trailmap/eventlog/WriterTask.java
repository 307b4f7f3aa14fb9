package trailmap.eventlog;

/** Work for the log's writer thread: an append, or an erasure (which rewrites segment files). */
sealed interface WriterTask permits AppendRequest, EraseRequest {}
