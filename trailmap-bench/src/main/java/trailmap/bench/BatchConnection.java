package trailmap.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that posts {@code /v1/batch} bodies and reads the status of
 * each answer. The load generator shares the server's two cores, so it must spend as little of them
 * as it can, as wrk does: the request head is encoded once, the body is sent as the bytes the
 * workload built, and the answer is read without building strings for its headers. Not thread-safe:
 * one sender owns one connection. A connection the server closed is opened again on the next
 * request.
 */
final class BatchConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final InetSocketAddress address;
  private final byte[] head;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  BatchConnection(String url, String writeKey) {
    URI uri = URI.create(url);
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    String basic =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    this.head =
        ("POST /v1/batch HTTP/1.1\r\nHost: "
                + uri.getHost()
                + ":"
                + address.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Basic "
                + basic
                + "\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Posts one body and waits for the whole answer.
   *
   * @return the HTTP status code
   * @throws IOException when the connection fails; the next call opens a new one
   */
  int post(byte[] body) throws IOException {
    boolean reused = socket != null;
    try {
      return send(body);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      // The server closes keep-alive connections that sat idle (while the benchmark waited for
      // the profile processor, say); like any HTTP client, send once more on a new connection.
      try {
        return send(body);
      } catch (IOException | RuntimeException again) {
        close();
        throw again;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private int send(byte[] body) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(head);
    out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return readAnswer();
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(address, TIMEOUT_MILLIS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 8192);
    out = s.getOutputStream();
  }

  /** Reads the status line, the headers and the body (by Content-Length or chunked). */
  private int readAnswer() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closes = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().strip(), 16); size > 0; ) {
        skip(size);
        line(); // the CRLF after the chunk
        size = Long.parseLong(line().strip(), 16);
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      skip(length);
    } else {
      throw new IOException("an answer without Content-Length or chunked encoding");
    }
    if (closes) {
      close();
    }
    return code;
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the server closed the connection inside an answer");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** One header line without its CRLF; ASCII is all HTTP heads need. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a broken connection; the next post opens a new one
      }
      socket = null;
    }
  }
}
