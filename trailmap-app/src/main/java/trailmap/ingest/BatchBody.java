package trailmap.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code /v1/batch} body read in one pass: the calls, each with the number of bytes it took in
 * the (decompressed) body, and the other top-level fields. Measuring while reading replaced
 * serialising every call again just to weigh it, which was a large share of ingestion's CPU.
 *
 * @param fields the top-level fields but {@code batch} ({@code context}, {@code sentAt}, {@code
 *     writeKey}…)
 * @param calls the elements of {@code batch}, in order; empty when it is missing or not an array
 * @param sizes the bytes each call took, from its first to its last character
 * @param batchIsArray whether {@code batch} was present and an array
 */
record BatchBody(ObjectNode fields, List<JsonNode> calls, int[] sizes, boolean batchIsArray) {

  /**
   * Reads the body.
   *
   * @return empty when the body is not a JSON object (the caller reports the shape)
   * @throws IOException for malformed JSON, with its location
   */
  static Optional<BatchBody> read(ObjectMapper mapper, byte[] body) throws IOException {
    // A subtree is followed by more of the body, so the mapper's trailing-token check stays off
    // here; the end of the body is checked below instead.
    ObjectReader trees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      ObjectNode fields = mapper.createObjectNode();
      List<JsonNode> calls = new ArrayList<>();
      int[] sizes = new int[16];
      boolean batchIsArray = false;
      String name;
      while ((name = parser.nextFieldName()) != null) {
        JsonToken token = parser.nextToken();
        if (!name.equals("batch")) {
          fields.set(name, trees.readTree(parser));
          continue;
        }
        calls.clear();
        batchIsArray = token == JsonToken.START_ARRAY;
        if (!batchIsArray) {
          fields.set(name, trees.readTree(parser));
          continue;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          long start = parser.currentTokenLocation().getByteOffset();
          calls.add(trees.readTree(parser));
          long end = parser.currentLocation().getByteOffset();
          if (calls.size() > sizes.length) {
            sizes = java.util.Arrays.copyOf(sizes, sizes.length * 2);
          }
          sizes[calls.size() - 1] = (int) (end - start);
        }
      }
      if (parser.nextToken() != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            parser, "trailing content after the JSON object");
      }
      return Optional.of(
          new BatchBody(
              fields,
              List.copyOf(calls),
              java.util.Arrays.copyOf(sizes, calls.size()),
              batchIsArray));
    }
  }
}
