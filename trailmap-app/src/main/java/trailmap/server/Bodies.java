package trailmap.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads request bodies with a hard size limit. The limit is checked against {@code Content-Length}
 * before reading and again while reading, so a chunked body without a length cannot exceed it
 * either: at most {@code limit + 1} bytes are ever buffered.
 */
public final class Bodies {
  private Bodies() {}

  /**
   * The body as UTF-8 text.
   *
   * @param remedy how to get a larger body through, ending the 413 answer (e.g. "raise
   *     'maxMapBytes' in the server's --config file")
   * @throws ProblemException 413 when the body is over the limit, 400 when it is not UTF-8
   */
  public static String readText(Context ctx, long limit, String remedy) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(format(declared) + " bytes", limit, remedy);
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes((int) limit + 1);
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "unreadable-body",
          "Unreadable body",
          "the request body could not be read completely; send it again");
    }
    if (bytes.length > limit) {
      throw tooLarge("more than " + format(limit) + " bytes", limit, remedy);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(
          "not-utf8", "Body is not UTF-8", "the request body must be UTF-8 text");
    }
  }

  /** The media type of the request without parameters, lower case; empty when none was sent. */
  public static String mediaType(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static ProblemException tooLarge(String size, long limit, String remedy) {
    return new ProblemException(
        Problem.of(
            413,
            "body-too-large",
            "Request body too large",
            "the request body is "
                + size
                + ", over the limit of "
                + format(limit)
                + " bytes; send a smaller body or "
                + remedy));
  }

  private static String format(long bytes) {
    return String.format(Locale.ROOT, "%,d", bytes);
  }
}
