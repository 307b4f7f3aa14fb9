package trailmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import trailmap.access.IssuedKey;
import trailmap.access.Role;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;
import trailmap.maps.templates.MapTemplates;
import trailmap.server.TrailmapServer;
import trailmap.store.MapStore;

/**
 * {@code trailmap demo}: the server with every template map (current and future state) loaded, and
 * a fresh admin key printed, since stored keys are hashed and cannot be shown again. Exit codes as
 * for {@code serve}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the server with the template maps loaded and prints the URL and an admin key.",
      "Set TRAILMAP_ADMIN_KEY to use that key instead of a fresh one."
    })
final class DemoCommand implements Callable<Integer> {
  /** The key id recorded as the author of the preloaded maps. */
  static final String DEMO_AUTHOR = "demo";

  /** The label of the admin keys demo issues; each start revokes the earlier ones. */
  static final String DEMO_KEY_LABEL = "demo admin key";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin PortAndData where;

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file with the server's settings, as for serve (see docs/server.md).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return ServerOptions.resolve(config, where.port, where.data, spec.commandLine().getErr())
        .map(
            config ->
                ServerLauncher.run(config, out, spec.commandLine().getErr(), s -> prepare(s, out)))
        .orElse(ServerLauncher.CANNOT_START);
  }

  private static void prepare(TrailmapServer server, PrintWriter out) {
    List<String> loaded = loadTemplates(server.maps());
    out.println(
        loaded.isEmpty()
            ? "Demo maps already loaded."
            : "Loaded demo maps: " + String.join(", ", loaded));
    if (ServerLauncher.environmentAdminKey().isPresent()) {
      out.println("Admin API key: the value of TRAILMAP_ADMIN_KEY");
    } else {
      // Stored keys are hashed, so an earlier demo key cannot be shown again: issue a fresh one,
      // and revoke the earlier ones (and the never-shown first key) so old keys stop working.
      IssuedKey key = server.keys().issue(Role.ADMIN, DEMO_KEY_LABEL);
      server.firstAdminKey().ifPresent(first -> server.keys().revoke(first.key().id()));
      server.keys().list().stream()
          .filter(k -> k.label().equals(DEMO_KEY_LABEL) && !k.id().equals(key.key().id()))
          .forEach(k -> server.keys().revoke(k.id()));
      out.println("Admin API key for this demo (id " + key.key().id() + "): " + key.secret());
    }
    out.println("Open " + server.uri() + "/ and sign in with the key. Stop with Ctrl-C.");
  }

  /** Stores each template map that is not there yet; answers the ids it stored. */
  static List<String> loadTemplates(MapStore maps) {
    List<String> loaded = new ArrayList<>();
    for (String name : MapTemplates.names()) {
      for (MapState state : MapState.values()) {
        String source = "template " + name + " (" + state.wireName() + ")";
        MapReadResult result = MapReader.read(source, MapTemplates.yaml(name, state));
        JourneyMap map =
            result
                .map()
                .orElseThrow(
                    () -> new IllegalStateException(source + " is invalid: " + result.problems()));
        if (maps.summary(map.id()).isEmpty()
            && maps.create(map, MapWriter.toYaml(map), DEMO_AUTHOR).isPresent()) {
          loaded.add(map.id());
        }
      }
    }
    return loaded;
  }
}
