package trailmap.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import trailmap.eventlog.EventLog;
import trailmap.events.json.JsonValues;
import trailmap.maps.EventType;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code /api/profiles/{id}}, where {@code {id}} is a profile id or {@code TYPE:VALUE} for any
 * identity it holds ({@link ProfileRef}): the profile (viewer), its timeline (viewer), its export
 * (viewer) and its deletion (admin). See docs/profiles.md for the answers' shapes.
 */
public final class ProfileRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How long a deletion waits for the processor to apply what the log held when it was asked. */
  static final Duration CATCH_UP = Duration.ofSeconds(20);

  private final ProfileStore store;
  private final ProfileDeletion deletion;
  private final Function<ProfileId, List<ObjectNode>> flowActivity;

  /**
   * @param log the event log the profiles come from, which deletions erase events from
   * @param follower the processor following {@code log} into {@code store}, when one runs
   */
  public ProfileRoutes(
      ProfileStore store, EventLog log, Supplier<Optional<ProfileProcessor>> follower) {
    this(store, log, follower, id -> List.of());
  }

  /**
   * @param flowActivity the profile's flow timeline (sends, suppressions and their reasons), newest
   *     first, added to the first page of its timeline as {@code flow}
   */
  public ProfileRoutes(
      ProfileStore store,
      EventLog log,
      Supplier<Optional<ProfileProcessor>> follower,
      Function<ProfileId, List<ObjectNode>> flowActivity) {
    this(store, log, follower, flowActivity, ids -> {});
  }

  /**
   * @param erased told, after a deletion, the deleted profile's id and the ids of every profile
   *     merged into it, so stores outside profiles.db forget them too; when it fails the erasure
   *     stays pending ({@link PendingErasures}) and a retry of the deletion tells it again
   */
  public ProfileRoutes(
      ProfileStore store,
      EventLog log,
      Supplier<Optional<ProfileProcessor>> follower,
      Function<ProfileId, List<ObjectNode>> flowActivity,
      Consumer<Set<ProfileId>> erased) {
    this.store = store;
    this.deletion = new ProfileDeletion(store, log, follower, CATCH_UP, erased);
    this.flowActivity = flowActivity;
  }

  /** Declares the routes with the roles they require. */
  public void register(RoutesConfig routes) {
    routes.get("/api/profiles/{id}", this::profile, Requires.VIEWER);
    routes.get("/api/profiles/{id}/timeline", this::timeline, Requires.VIEWER);
    routes.get("/api/profiles/{id}/export", this::export, Requires.VIEWER);
    routes.delete("/api/profiles/{id}", this::delete, Requires.ADMIN);
  }

  private void profile(Context ctx) {
    ctx.json(profileNode(record(ctx)));
  }

  private void timeline(Context ctx) {
    ProfileId id = find(ctx);
    TimelineQuery query = query(ctx);
    try {
      ctx.json(timelineNode(id, query));
    } catch (IllegalArgumentException e) {
      throw badQuery(e.getMessage());
    }
  }

  /** A profile as the API answers it, and the first page of its timeline with flow activity. */
  public record Answer(ObjectNode profile, ObjectNode timeline) {}

  /**
   * What {@code GET /api/profiles/{ref}} and {@code GET /api/profiles/{ref}/timeline} answer, for
   * the web UI's profile page, so the page and the API never disagree; empty when no profile is
   * known as {@code ref}.
   *
   * @throws IllegalArgumentException when {@code ref} is neither a profile id nor {@code
   *     TYPE:VALUE}; the message names the forms
   */
  public Optional<Answer> answer(String ref) {
    return store
        .resolve(ProfileRef.parse(ref))
        .flatMap(store::profile)
        .map(
            record ->
                new Answer(
                    profileNode(record), timelineNode(record.id(), TimelineQuery.firstPage())));
  }

  /**
   * @throws IllegalArgumentException when the query's cursor is not one this store gave
   */
  private ObjectNode timelineNode(ProfileId id, TimelineQuery query) {
    TimelinePage page = store.timeline(id, query);
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", id.value());
    ArrayNode events = out.putArray("events");
    page.events().forEach(e -> events.add(eventNode(e)));
    page.next().ifPresentOrElse(next -> out.put("next", next), () -> out.putNull("next"));
    if (query.cursor().isEmpty()) {
      List<ObjectNode> activity = flowActivity.apply(id);
      if (!activity.isEmpty()) {
        out.putArray("flow").addAll(activity);
      }
    }
    return out;
  }

  private void export(Context ctx) {
    ProfileRecord record = record(ctx);
    ObjectNode out = MAPPER.createObjectNode();
    out.set("profile", profileNode(record));
    ArrayNode events = out.putArray("events");
    store.events(record.id()).forEach(e -> events.add(tree(e.json())));
    ctx.header("Content-Disposition", "attachment; filename=\"" + record.id() + ".json\"");
    ctx.json(out);
  }

  /**
   * Erases the person from the log, profiles.db and the stores outside it ({@link
   * ProfileDeletion}); a retry after a failure half-way finishes the job and answers 204 too.
   */
  private void delete(Context ctx) {
    switch (deletion.delete(ref(ctx))) {
      case ProfileDeletion.Outcome.Deleted deleted -> ctx.status(204);
      case ProfileDeletion.Outcome.Finished finished -> ctx.status(204);
      case ProfileDeletion.Outcome.Unknown unknown -> throw notFound(ctx.pathParam("id"));
      case ProfileDeletion.Outcome.Unfinished unfinished ->
          throw retryLater(
              ctx,
              "erasure-unfinished",
              "Erasure not finished",
              "the person is erased from the event log and their profile, but another store"
                  + " (flows or segments) could not erase them yet; the erasure is recorded,"
                  + " nothing is sent to them meanwhile, and it finishes when this DELETE is"
                  + " retried or the server starts again. See the server log for the cause.");
      case ProfileDeletion.Outcome.CatchingUp behind ->
          throw retryLater(
              ctx,
              "profiles-catching-up",
              "Profiles are catching up",
              "profiles have applied the event log up to position "
                  + behind.applied()
                  + " of "
                  + behind.target()
                  + "; the deletion must wait until the person's latest events are on their"
                  + " profile. Nothing was deleted: retry in a few seconds.");
    }
  }

  /** A 503 that tells the client to retry the deletion in ten seconds. */
  private static ProblemException retryLater(
      Context ctx, String type, String title, String detail) {
    ctx.header("Retry-After", "10");
    return new ProblemException(Problem.of(503, type, title, detail));
  }

  private ProfileRecord record(Context ctx) {
    ProfileId id = find(ctx);
    return store.profile(id).orElseThrow(() -> notFound(ctx.pathParam("id")));
  }

  private ProfileId find(Context ctx) {
    return store.resolve(ref(ctx)).orElseThrow(() -> notFound(ctx.pathParam("id")));
  }

  private static ProfileRef ref(Context ctx) {
    try {
      return ProfileRef.parse(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(400, "bad-profile-ref", "Bad profile reference", e.getMessage()));
    }
  }

  private static TimelineQuery query(Context ctx) {
    int limit = TimelineQuery.DEFAULT_LIMIT;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > TimelineQuery.MAX_LIMIT) {
        throw badQuery(
            "limit must be a whole number between 1 and "
                + TimelineQuery.MAX_LIMIT
                + ", was '"
                + limitText
                + "'");
      }
    }
    Optional<String> type = Optional.ofNullable(ctx.queryParam("type"));
    if (type.isPresent() && EventType.fromWireName(type.get()).isEmpty()) {
      throw badQuery(
          "type '"
              + type.get()
              + "' is not an event type; use one of "
              + Arrays.stream(EventType.values())
                  .map(EventType::wireName)
                  .collect(Collectors.joining(", ")));
    }
    return new TimelineQuery(
        limit,
        Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()),
        Optional.ofNullable(ctx.queryParam("channel")),
        type);
  }

  static ObjectNode profileNode(ProfileRecord record) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", record.id().value());
    out.put("createdAt", record.createdAt().toString());
    out.put("createdBy", record.createdBy());
    ArrayNode identities = out.putArray("identities");
    for (HeldIdentity held : record.identities()) {
      identities
          .addObject()
          .put("type", held.identity().type().wireName())
          .put("value", held.identity().value())
          .put("messageId", held.messageId())
          .put("at", held.at().toString());
    }
    ObjectNode traits = out.putObject("traits");
    for (TraitHistory trait : record.traits()) {
      ObjectNode node = observation(trait.current());
      ArrayNode history = node.putArray("history");
      trait.history().forEach(o -> history.add(observation(o)));
      traits.set(trait.name(), node);
    }
    ArrayNode merges = out.putArray("merges");
    for (MergeRecord merge : record.merges()) {
      ObjectNode node = merges.addObject();
      node.put("absorbed", merge.absorbed().value());
      ArrayNode why = node.putArray("identities");
      merge.identities().forEach(i -> why.add(i.toString()));
      node.put("messageId", merge.messageId()).put("at", merge.at().toString());
    }
    return out;
  }

  private static ObjectNode observation(TraitObservation o) {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("value", JsonValues.toNode(o.value()));
    node.put("at", o.at().toString()).put("messageId", o.messageId());
    return node;
  }

  private static ObjectNode eventNode(StoredEvent e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("messageId", e.messageId()).put("type", e.type());
    if (!e.name().isEmpty()) {
      node.put("name", e.name());
    }
    node.put("channel", e.channel()).put("timestamp", e.timestamp().toString());
    node.set("event", tree(e.json()));
    return node;
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored event JSON is damaged", e);
    }
  }

  private static ProblemException notFound(String ref) {
    return new ProblemException(
        Problem.of(
            404,
            "not-found",
            "profile not found",
            "no profile is known as '"
                + ref
                + "' (events reach profiles a moment after they are accepted); "
                + ProfileRef.FORMS));
  }

  private static ProblemException badQuery(String detail) {
    return new ProblemException(
        Problem.of(400, "bad-timeline-query", "Bad timeline query", detail));
  }
}
