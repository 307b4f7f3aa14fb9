package trailmap.ingest;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import trailmap.server.Problem;
import trailmap.server.ProblemException;

/**
 * Reads a request body, gunzipping it when it is sent with {@code Content-Encoding: gzip}, within a
 * limit on the decompressed size. At most {@code limit + 1} bytes are ever held, compressed or not,
 * so neither a body without {@code Content-Length} nor a gzip bomb can exhaust memory.
 */
final class RequestBody {
  private RequestBody() {}

  /**
   * The body's bytes, decompressed.
   *
   * @param what names the limit in the 413 answer, e.g. "one call"
   * @param knob the setting that raises the limit, named in the 413 answer
   * @throws ProblemException 413 over the limit, 415 for an encoding other than gzip, 400 for a
   *     body that is not valid gzip or cannot be read
   */
  static byte[] read(Context ctx, int limit, String what, String knob) {
    String encoding = encoding(ctx);
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(String.format(Locale.ROOT, "%,d bytes", declared), limit, what, knob);
    }
    byte[] raw;
    try (InputStream in = ctx.req().getInputStream()) {
      raw = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              400,
              "unreadable-body",
              "Unreadable body",
              "the request body could not be read: " + e.getMessage()));
    }
    if (raw.length > limit) {
      throw tooLarge("more than " + bytes(limit), limit, what, knob);
    }
    if (encoding.isEmpty()) {
      return raw;
    }
    byte[] inflated;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      inflated = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              400,
              "bad-gzip",
              "Body is not valid gzip",
              "the request says 'Content-Encoding: gzip' but its body is not valid gzip ("
                  + e.getMessage()
                  + "); send the gzipped bytes, or plain JSON without that header"));
    }
    if (inflated.length > limit) {
      throw tooLarge(
          "more than " + bytes(limit) + " once decompressed (" + bytes(raw.length) + " gzipped)",
          limit,
          what,
          knob);
    }
    return inflated;
  }

  /** Whether the body was sent gzipped (call after {@link #read} accepted the encoding). */
  static boolean gzipped(Context ctx) {
    return encoding(ctx).equals("gzip");
  }

  /** "" for no encoding (or identity), "gzip"; anything else is refused with 415. */
  private static String encoding(Context ctx) {
    String header = ctx.header("Content-Encoding");
    String value = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "identity" -> "";
      case "gzip", "x-gzip" -> "gzip";
      default ->
          throw new ProblemException(
              Problem.of(
                  415,
                  "unsupported-encoding",
                  "Unsupported Content-Encoding",
                  "Content-Encoding '"
                      + header
                      + "' is not supported; send the body as gzip or uncompressed"));
    };
  }

  private static ProblemException tooLarge(String size, int limit, String what, String knob) {
    return new ProblemException(
        Problem.of(
            413,
            "body-too-large",
            "Request body too large",
            "the request body is "
                + size
                + ", over the limit of "
                + bytes(limit)
                + " for "
                + what
                + " ("
                + knob
                + "); send fewer or smaller events per request"));
  }

  static String bytes(long n) {
    return String.format(Locale.ROOT, "%,d bytes", n);
  }
}
