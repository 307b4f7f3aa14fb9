package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import trailmap.access.Role;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapDiff;
import trailmap.maps.MapState;
import trailmap.maps.format.MapDiffJson;
import trailmap.maps.format.MapReader;
import trailmap.maps.render.RenderFormat;
import trailmap.maps.templates.MapTemplates;

class RenderAndDiffApiTest {
  static final ObjectMapper JSON = JsonMapping.newMapper();

  @TempDir Path dir;
  TestServer server;
  String viewer;

  @BeforeEach
  void startWithTheSaasTemplates() {
    server = TestServer.start(dir);
    viewer = server.key(Role.VIEWER);
    for (MapState state : MapState.values()) {
      String yaml = MapTemplates.yaml("saas", state);
      assertThat(
              server
                  .post("/api/maps", server.key(Role.EDITOR), "application/yaml", yaml)
                  .statusCode())
          .isEqualTo(201);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static JourneyMap template(MapState state) {
    return MapReader.read("t", MapTemplates.yaml("saas", state)).map().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(RenderFormat.class)
  void rendersEveryFormatWithItsContentType(RenderFormat format) throws Exception {
    HttpResponse<byte[]> response =
        server.send(
            server
                .request("/api/maps/saas-current/render?format=" + format.wireName())
                .header("Authorization", "Bearer " + viewer)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                assertThat(type.replace(" ", "")).isEqualTo(format.mediaType().replace(" ", "")));
    byte[] body = response.body();
    String head = new String(body, 0, Math.min(body.length, 400), StandardCharsets.ISO_8859_1);
    switch (format) {
      case PNG -> assertThat(head).startsWith("\u0089PNG");
      case PDF -> assertThat(head).startsWith("%PDF");
      case SVG -> assertThat(head).contains("<svg");
      case HTML -> assertThat(head.toLowerCase(java.util.Locale.ROOT)).contains("<html");
      case MERMAID -> assertThat(new String(body, StandardCharsets.UTF_8)).isNotBlank();
    }
  }

  @Test
  void diffsTwoVersionsOfOneMap() throws Exception {
    JourneyMap v1 = template(MapState.CURRENT);
    String renamed =
        MapTemplates.yaml("saas", MapState.CURRENT).replaceFirst("name: \"", "name: \"Renamed ");
    assertThat(
            server
                .put("/api/maps/saas-current", server.key(Role.EDITOR), "application/yaml", renamed)
                .statusCode())
        .isEqualTo(200);
    JourneyMap v2 = MapReader.read("t", renamed).map().orElseThrow();
    HttpResponse<String> diff = server.get("/api/maps/saas-current/diff?from=1&to=2", viewer);
    assertThat(diff.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(diff.body()))
        .isEqualTo(JSON.valueToTree(MapDiffJson.toTree(MapDiff.between(v1, v2), v1, v2)));
    assertThat(diff.body()).contains("Renamed");
  }

  @Test
  void diffsACurrentMapAgainstItsFutureMap() throws Exception {
    HttpResponse<String> diff =
        server.get("/api/maps/saas-current/diff?against=saas-future", viewer);
    assertThat(diff.statusCode()).isEqualTo(200);
    JourneyMap current = template(MapState.CURRENT);
    JourneyMap future = template(MapState.FUTURE);
    assertThat(JSON.readTree(diff.body()))
        .isEqualTo(
            JSON.valueToTree(
                MapDiffJson.toTree(MapDiff.between(current, future), current, future)));
    assertThat(JSON.readTree(diff.body()).get("kpiGaps")).isNotEmpty();
  }
}
