package trailmap.bench;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed number of {@link BatchConnection}s shared by the senders: a sender takes one, posts, and
 * gives it back. When all are busy a sender waits, and in an open-loop run that wait counts in its
 * latency (it is measured from the batch's due time). Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private final BlockingQueue<BatchConnection> idle;

  ConnectionPool(String url, String writeKey, int size) {
    this.idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      idle.add(new BatchConnection(url, writeKey));
    }
  }

  /** Posts one body on a free connection and answers the HTTP status. */
  int post(byte[] body) throws IOException, InterruptedException {
    BatchConnection connection = idle.take();
    try {
      return connection.post(body);
    } finally {
      idle.add(connection);
    }
  }

  @Override
  public void close() {
    idle.forEach(BatchConnection::close);
  }
}
