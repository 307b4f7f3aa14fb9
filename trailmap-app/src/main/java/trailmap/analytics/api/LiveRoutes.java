package trailmap.analytics.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.analytics.EventTable;
import trailmap.analytics.journey.LiveAnalysis;
import trailmap.maps.JourneyMap;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code GET /api/maps/{id}/live} (viewer): the living map — the stored map's latest version
 * measured on every event the server holds (see {@link LiveAnalysis} and docs/living-map.md).
 */
public final class LiveRoutes {
  private final Supplier<EventTable> tables;
  private final Function<String, Optional<JourneyMap>> maps;

  /**
   * @param tables the events, as current as the source can make them
   * @param maps a stored map's latest version by id
   */
  public LiveRoutes(Supplier<EventTable> tables, Function<String, Optional<JourneyMap>> maps) {
    this.tables = tables;
    this.maps = maps;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/maps/{id}/live", this::live, Requires.VIEWER);
  }

  private void live(Context ctx) {
    String id = ctx.pathParam("id");
    JourneyMap map = maps.apply(id).orElseThrow(() -> ProblemException.notFound("map", id));
    ctx.json(LiveAnalysis.run(tables.get(), map));
  }
}
