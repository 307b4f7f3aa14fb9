package trailmap.maps.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: the published map schema, loaded from the classpath copy the build puts into the
 * app jar ({@code trailmap/map.schema.json}), so a test passing here also proves the copy exists.
 * Maps are parsed with Jackson (YAML is a superset of JSON), not with the project's own reader.
 */
public final class MapSchema {
  public static final String RESOURCE = "trailmap/map.schema.json";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchema SCHEMA = load();

  private MapSchema() {}

  /** The schema document itself, as JSON. */
  public static JsonNode document() {
    return SCHEMA.getSchemaNode();
  }

  /** Parses YAML (or JSON) text into a tree. */
  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Every schema violation of the map, sorted by location; empty when the map is valid. */
  public static List<ValidationMessage> problems(JsonNode map) {
    Set<ValidationMessage> messages = SCHEMA.validate(map);
    return messages.stream()
        .sorted(
            (a, b) ->
                a.getInstanceLocation().toString().compareTo(b.getInstanceLocation().toString()))
        .toList();
  }

  private static JsonSchema load() {
    try (InputStream in = MapSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is not on the classpath; the trailmap-app pom must copy docs/map.schema.json");
      }
      JsonNode node = new ObjectMapper().readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
