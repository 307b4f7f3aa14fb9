package trailmap.maps.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.provider.Arguments;
import trailmap.maps.MapState;
import trailmap.maps.schema.MapSchema;

/** Test fixture: the shipped templates as JSON trees, and walks over their parts. */
final class Templates {
  private Templates() {}

  /** Every (name, state) pair, for parameterized tests. */
  static Stream<Arguments> all() {
    return MapTemplates.names().stream()
        .flatMap(name -> Stream.of(MapState.values()).map(state -> Arguments.of(name, state)));
  }

  static JsonNode tree(String name, MapState state) {
    return MapSchema.parse(MapTemplates.yaml(name, state));
  }

  static Stream<JsonNode> each(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  static Stream<JsonNode> touchpoints(JsonNode map) {
    return each(map.path("stages")).flatMap(stage -> each(stage.path("touchpoints")));
  }

  /** Stage KPIs and touchpoint KPIs, in map order. */
  static Stream<JsonNode> kpis(JsonNode map) {
    return each(map.path("stages"))
        .flatMap(
            stage ->
                Stream.concat(
                    each(stage.path("kpis")),
                    each(stage.path("touchpoints")).flatMap(tp -> each(tp.path("kpis")))));
  }

  static Stream<JsonNode> painPoints(JsonNode map) {
    return touchpoints(map).flatMap(tp -> each(tp.path("painPoints")));
  }

  /** Emotion entries; a single emotion object counts as one entry. */
  static Stream<JsonNode> emotions(JsonNode touchpoint) {
    JsonNode emotion = touchpoint.path("emotion");
    return emotion.isArray()
        ? each(emotion)
        : emotion.isObject() ? Stream.of(emotion) : Stream.of();
  }

  static List<String> ids(Stream<JsonNode> nodes) {
    return nodes.map(node -> node.path("id").asText()).toList();
  }
}
