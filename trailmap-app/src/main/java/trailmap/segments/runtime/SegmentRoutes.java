package trailmap.segments.runtime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.segments.store.Member;
import trailmap.segments.store.SegmentSave;
import trailmap.segments.store.SegmentStore;
import trailmap.segments.store.StoredSegment;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemError;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code /api/segments}: {@code GET} lists segments with their member counts (viewer); {@code POST}
 * creates and {@code PUT /{id}} replaces one from a YAML or JSON body (editor; 400 {@code
 * invalid-segment} lists every problem with its line and column); {@code GET /{id}} answers the
 * document and a page of current members ({@code ?after=PROFILE&limit=1..1000}, default 100);
 * {@code DELETE /{id}} (editor) removes it, its members leaving.
 */
public final class SegmentRoutes {
  private static final long MAX_BODY_BYTES = 256 * 1024;

  private final SegmentStore segments;
  private final Runnable changed;

  /**
   * @param changed called after a save or delete (wakes the processor)
   */
  public SegmentRoutes(SegmentStore segments, Runnable changed) {
    this.segments = segments;
    this.changed = changed;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/segments", this::list, Requires.VIEWER);
    routes.post("/api/segments", this::create, Requires.EDITOR);
    routes.get("/api/segments/{id}", this::show, Requires.VIEWER);
    routes.put("/api/segments/{id}", this::replace, Requires.EDITOR);
    routes.delete("/api/segments/{id}", this::delete, Requires.EDITOR);
  }

  private void list(Context ctx) {
    ctx.json(Map.of("segments", segments.list()));
  }

  private void create(Context ctx) {
    SegmentSave saved = save(ctx, Optional.empty());
    if (!saved.created()) {
      ctx.status(200);
    } else {
      ctx.status(201);
    }
    ctx.json(Map.of("id", saved.segment().orElseThrow().id(), "created", saved.created()));
  }

  private void replace(Context ctx) {
    SegmentSave saved = save(ctx, Optional.of(ctx.pathParam("id")));
    ctx.status(saved.created() ? 201 : 200);
    ctx.json(Map.of("id", saved.segment().orElseThrow().id(), "created", saved.created()));
  }

  private SegmentSave save(Context ctx, Optional<String> id) {
    String text = Bodies.readText(ctx, MAX_BODY_BYTES, "a segment is a few lines of YAML");
    SegmentSave saved = segments.save("request body", text, id);
    if (saved.segment().isEmpty()) {
      List<ProblemError> errors =
          saved.problems().stream()
              .map(p -> new ProblemError(p.line(), p.column(), p.message()))
              .toList();
      throw new ProblemException(
          Problem.of(
                  400,
                  "invalid-segment",
                  "the segment is not valid",
                  String.join("; ", saved.problems().stream().map(Object::toString).toList()))
              .withErrors(errors));
    }
    changed.run();
    return saved;
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    StoredSegment stored = segments.segment(id).orElseThrow(() -> notFound(id));
    int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(100);
    if (limit < 1 || limit > 1000) {
      throw ProblemException.badRequest(
          "invalid-query", "bad limit", "limit must be between 1 and 1000, was " + limit);
    }
    String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
    List<Member> page = segments.members(id, after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", stored.summary().name());
    out.put("memberCount", stored.summary().members());
    out.put("updatedAt", stored.summary().updatedAt().toString());
    out.put("document", stored.document());
    out.put(
        "members",
        page.stream()
            .map(
                m ->
                    Map.of(
                        "profile", m.profile().value(),
                        "enteredAt", m.enteredAt().toString(),
                        "manual", m.manual()))
            .toList());
    if (page.size() == limit) {
      out.put("next", page.get(page.size() - 1).profile().value());
    }
    ctx.json(out);
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!segments.delete(id)) {
      throw notFound(id);
    }
    changed.run();
    ctx.status(204);
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Problem.of(
            404,
            "not-found",
            "segment not found",
            "there is no segment with id '" + id + "'; list them with GET /api/segments"));
  }
}
