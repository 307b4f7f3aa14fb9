package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import trailmap.access.Role;
import trailmap.generate.DemoData;
import trailmap.maps.MapState;
import trailmap.maps.templates.MapTemplates;
import trailmap.server.TestServer;

/** A server on 2,000 generated demo profiles with the saas map stored, as {@code trailmap demo}. */
final class DemoServer {
  private DemoServer() {}

  static TestServer start(Path dir) {
    DemoData.generate(dir, 2_000);
    TestServer server = TestServer.start(dir);
    assertThat(
            server
                .post(
                    "/api/maps",
                    server.key(Role.EDITOR),
                    "application/yaml",
                    MapTemplates.yaml("saas", MapState.CURRENT))
                .statusCode())
        .isEqualTo(201);
    return server;
  }
}
