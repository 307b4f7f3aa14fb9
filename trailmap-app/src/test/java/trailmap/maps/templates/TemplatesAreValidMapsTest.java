package trailmap.maps.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;

/** Every shipped template passes the same validation a user's map does, and round-trips. */
class TemplatesAreValidMapsTest {

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void readsWithoutProblemsAndSurvivesAWriteAndRead(String name, MapState state) {
    MapReadResult result =
        MapReader.read(name + "-" + state.wireName() + ".yaml", MapTemplates.yaml(name, state));

    assertThat(result.problems()).isEmpty();
    JourneyMap map = result.map().orElseThrow();
    assertThat(map.id()).isEqualTo(name + "-" + state.wireName());
    assertThat(map.state()).isEqualTo(state);
    assertThat(MapReader.read("again.yaml", MapWriter.toYaml(map)).map()).contains(map);
  }
}
