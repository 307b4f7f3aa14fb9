package trailmap.flows.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/flow.schema.json accepts every shipped example and rejects an unknown field. */
class FlowSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonSchema schema() throws IOException {
    JsonNode node =
        new ObjectMapper().readTree(Files.readString(Path.of("..", "docs", "flow.schema.json")));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  static java.util.stream.Stream<Path> examples() throws IOException {
    return FlowExamplesTest.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void acceptsEveryExampleAndItsRewrite(Path file) throws IOException {
    JsonSchema schema = schema();
    assertThat(schema.validate(YAML.readTree(Files.readString(file)))).isEmpty();
    String rewritten =
        FlowWriter.toYaml(
            FlowReader.read(file.toString(), Files.readString(file)).flow().orElseThrow());
    assertThat(schema.validate(YAML.readTree(rewritten))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "colour: red",
        "steps: []",
        "trigger: {event: A, segment: b}",
        "trigger: {event: \"\"}",
        "trigger: {event: \"  \"}",
        "exits: [{event: \"\"}]"
      })
  void rejectsWhatTheReaderRejects(String change) throws IOException {
    String base = "id: f\nname: F\ntrigger: {event: Go}\nsteps: [{id: a, wait: 1h}]\n";
    String key = change.substring(0, change.indexOf(':'));
    String yaml =
        base.lines().anyMatch(l -> l.startsWith(key + ":"))
            ? base.replaceAll("(?m)^" + key + ":.*$", change)
            : base + change + "\n";
    assertThat(schema().validate(YAML.readTree(yaml))).isNotEmpty();
    assertThat(FlowReader.read("f.yaml", yaml).isValid()).isFalse();
  }
}
