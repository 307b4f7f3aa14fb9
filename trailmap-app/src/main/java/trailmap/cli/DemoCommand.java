package trailmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import trailmap.access.IssuedKey;
import trailmap.access.Role;
import trailmap.demo.DemoJourneys;
import trailmap.eventlog.EventLogException;
import trailmap.eventlog.FileEventLog;
import trailmap.generate.DemoDataWriter;
import trailmap.generate.GenerationSummary;
import trailmap.importer.ImportProgress;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;
import trailmap.maps.templates.MapTemplates;
import trailmap.server.ServerConfig;
import trailmap.server.TrailmapServer;
import trailmap.store.MapStore;
import trailmap.store.StoreException;

/**
 * {@code trailmap demo}: the server with every template map (current and future state) loaded, the
 * example flows published on a data directory without flows, and a fresh admin key printed, since
 * stored keys are hashed and cannot be shown again. Exit codes as for {@code serve}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the server with the template maps loaded and prints the URL and an admin key.",
      "On an empty data directory it first generates 2,000 demo profiles (see trailmap generate).",
      "When no flow exists yet it publishes the example flows (examples/flows/).",
      "Set TRAILMAP_ADMIN_KEY to use that key instead of a fresh one."
    })
final class DemoCommand implements Callable<Integer> {
  /** How many profiles demo generates into an empty data directory. */
  static final int DEMO_PROFILES = 2_000;

  /** The seed of the demo's generated journeys. */
  static final long DEMO_SEED = 1;

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
            config -> {
              if (!generateOnFreshData(config, out, spec.commandLine().getErr())
                  || !publishFlowsOnFreshData(config, out, spec.commandLine().getErr())) {
                return ServerLauncher.CANNOT_START;
              }
              return ServerLauncher.run(
                  config, out, spec.commandLine().getErr(), s -> prepare(s, out));
            })
        .orElse(ServerLauncher.CANNOT_START);
  }

  /**
   * On a data directory whose event log is empty, appends {@value #DEMO_PROFILES} generated
   * profiles (seed {@value #DEMO_SEED}) ending at the start of today (UTC), so the demo's profiles,
   * timelines and analytics have data; the server's profile processor picks them up as it starts.
   * Answers false (after saying why) when the log cannot be opened.
   */
  static boolean generateOnFreshData(ServerConfig config, PrintWriter out, PrintWriter err) {
    Path logDir = config.dataDir().resolve(TrailmapServer.EVENT_LOG_DIR);
    try (FileEventLog log =
        FileEventLog.open(logDir, TrailmapServer.eventLogOptions(config, Clock.systemUTC()))) {
      if (log.end() > 0) {
        return true;
      }
      Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
      GenerationSummary s =
          DemoDataWriter.toLog(
              log, new DemoJourneys(DEMO_SEED, end), DEMO_PROFILES, ImportProgress.none());
      out.printf(
          "Generated demo data: %,d profiles, %,d events over the 90 days before %s (seed %d).%n",
          s.profiles(), s.events(), end, DEMO_SEED);
      return true;
    } catch (EventLogException e) {
      err.println("trailmap demo: cannot open the event log in " + logDir + ": " + e.getMessage());
      err.flush();
      return false;
    }
  }

  /**
   * Publishes the example flows ({@link DemoFlows}) when flows.db holds none, before the server
   * starts, so they see the demo's events; says which, and where their emails go. Answers false
   * (after saying why) when flows.db cannot be opened.
   */
  static boolean publishFlowsOnFreshData(ServerConfig config, PrintWriter out, PrintWriter err) {
    try {
      List<String> published = DemoFlows.publishOnFreshData(config.dataDir(), Clock.systemUTC());
      if (!published.isEmpty()) {
        out.println("Published demo flows: " + String.join(", ", published) + ".");
        if (config.smtp().isEmpty()) {
          out.println(
              "Their emails wait for an SMTP server: set TRAILMAP_SMTP_URL (e.g."
                  + " smtp://127.0.0.1:2525 for a local mail catcher) and start the demo again.");
        }
      }
      return true;
    } catch (StoreException e) {
      err.println("trailmap demo: " + e.getMessage());
      err.flush();
      return false;
    }
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
    out.println(
        "The living map (verdicts, friction and live figures from the demo data): "
            + server.uri()
            + "/maps/saas-current");
    out.println("The flows and their step statistics: " + server.uri() + "/flows");
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
