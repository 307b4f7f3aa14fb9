package trailmap.maps.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The published schema itself: its shape, the format guide's example, and its one source file. */
class MapSchemaTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void isADraft202012SchemaThatRejectsUnknownFieldsEverywhere() {
    JsonNode schema = MapSchema.document();
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");

    List<String> open = new ArrayList<>();
    visitObjectSchemas(
        schema,
        "#",
        (where, node) -> {
          JsonNode additional = node.path("additionalProperties");
          if (!additional.isBoolean() || additional.booleanValue()) {
            open.add(where);
          }
        });
    assertThat(open).as("object schemas without additionalProperties: false").isEmpty();
  }

  @Test
  void givesEveryPropertyATitleAndADescriptionForEditors() {
    List<String> undocumented = new ArrayList<>();
    visitObjectSchemas(
        MapSchema.document(),
        "#",
        (where, node) -> {
          for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            JsonNode target = resolve(property.getValue());
            boolean titled = property.getValue().has("title") || target.has("title");
            boolean described = property.getValue().has("description") || target.has("description");
            if (!titled || !described) {
              undocumented.add(where + "/properties/" + property.getKey());
            }
          }
        });
    assertThat(undocumented).isEmpty();
  }

  @Test
  void acceptsTheCompleteExampleInTheFormatGuide() throws IOException {
    JsonNode example = MapSchema.parse(guideExample());

    assertThat(MapSchema.problems(example)).isEmpty();
    assertThat(example.path("stages").path(0).path("touchpoints").path(0).has("match")).isTrue();
  }

  @Test
  void theFormatGuideExampleRefersOnlyToTouchpointsOnItsMap() throws IOException {
    JsonNode example = MapSchema.parse(guideExample());
    List<String> touchpoints = new ArrayList<>();
    List<String> references = new ArrayList<>();
    for (JsonNode stage : example.path("stages")) {
      for (JsonNode touchpoint : stage.path("touchpoints")) {
        touchpoints.add(touchpoint.path("id").asText());
        for (JsonNode pain : touchpoint.path("painPoints")) {
          for (String field : List.of("touchpoint", "to")) {
            JsonNode reference = pain.path("hypothesis").path(field);
            if (reference.isTextual()) {
              references.add(reference.asText());
            }
          }
        }
      }
    }

    assertThat(references).isNotEmpty();
    assertThat(touchpoints).containsAll(references);
  }

  @Test
  void theJarCopyIsTheDocsFileUnchanged() throws IOException {
    JsonNode docs = MapSchema.parse(Files.readString(DOCS.resolve("map.schema.json")));
    assertThat(MapSchema.document()).isEqualTo(docs);
  }

  @Test
  void reportsWhereAProblemIs() {
    ObjectNode map = (ObjectNode) MapSchema.parse(BrokenMapsTest.VALID_CURRENT);
    map.put("colour", "red");

    List<ValidationMessage> problems = MapSchema.problems(map);

    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.getMessage()).contains("colour"));
  }

  /** The first ```yaml block of docs/map-format.md: the guide's complete example. */
  private static String guideExample() throws IOException {
    String guide = Files.readString(DOCS.resolve("map-format.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    assertThat(block.find()).as("docs/map-format.md has a ```yaml example").isTrue();
    return block.group(1);
  }

  private interface Visitor {
    void visit(String where, JsonNode schema);
  }

  /**
   * Calls the visitor on every schema of {@code type: object} with properties. Helper schemas (the
   * {@code if} of the future-state rule, {@code anyOf} branches) constrain without declaring.
   */
  private static void visitObjectSchemas(JsonNode node, String where, Visitor visitor) {
    if (node.isObject()) {
      if (node.has("properties") && node.path("type").asText().equals("object")) {
        visitor.visit(where, node);
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        visitObjectSchemas(child.getValue(), where + "/" + child.getKey(), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visitObjectSchemas(node.get(i), where + "/" + i, visitor);
      }
    }
  }

  private static JsonNode resolve(JsonNode property) {
    String ref = property.path("$ref").asText("");
    return ref.startsWith("#/") ? MapSchema.document().at(ref.substring(1)) : property;
  }
}
