package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.maps.Emotion;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Persona;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

class MermaidJourneyTest {
  @Test
  void writesAJourneyDiagramWithOneSectionPerStageAndOneTaskPerTouchpoint() {
    JourneyMap map =
        new JourneyMap(
            "small",
            "Buying: a #1 plan; fast",
            MapState.CURRENT,
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            List.of(MapFixtures.ALEX, MapFixtures.SAM),
            List.of(
                new Stage(
                    "discover",
                    "Discover",
                    "",
                    List.of(),
                    List.of(),
                    List.of(
                        tp("ad", "Ad", List.of(MapFixtures.both(2, "happy"))),
                        tp("blog", "Blog\npost", List.of()))),
                new Stage(
                    "buy",
                    "Buy: now",
                    "",
                    List.of(),
                    List.of(),
                    List.of(
                        tp("pay", "Pay", List.of(MapFixtures.alex(-2, ""))),
                        tp(
                            "mixed",
                            "Mixed",
                            List.of(MapFixtures.alex(-1, ""), MapFixtures.sam(2, "")))))));

    String mermaid =
        new String(MapRenderer.render(map, RenderFormat.MERMAID), StandardCharsets.UTF_8);

    assertThat(mermaid)
        .isEqualTo(
            """
            journey
              title Buying- a 1 plan, fast
              section Discover
                Ad: 5: Alex, Sam
                Blog post: 3: Alex, Sam
              section Buy- now
                Pay: 1: Alex, Sam
                Mixed: 4: Alex, Sam
            """);
  }

  private static Touchpoint tp(String id, String name, List<Emotion> emotions) {
    return MapFixtures.touchpoint(
        id, name, "web", List.of(), List.of(), emotions, List.of(), List.of(), List.of(),
        List.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Pricing page | Pricing page",
        "Step: 1 | Step- 1",
        "Read #5; then go | Read 5, then go",
        "'  padded  ' | padded",
        "::: | ---",
        "'#' | -",
      })
  void replacesWhatBreaksMermaidSyntax(String text, String expected) {
    assertThat(MermaidJourney.clean(text)).isEqualTo(expected);
  }

  @Test
  void keepsCommasInPersonaNamesFromSplittingActors() {
    Persona persona = new Persona("dr", "Smith, Dr.", "", List.of(), List.of());
    JourneyMap saas = MapFixtures.saas();
    JourneyMap map =
        new JourneyMap(
            saas.id(),
            saas.name(),
            saas.state(),
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            List.of(persona),
            saas.stages());

    assertThat(MermaidJourney.write(map)).contains("    LinkedIn ad: 4: Smith Dr.\n");
  }
}
