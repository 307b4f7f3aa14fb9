package trailmap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.server.Problem;
import trailmap.server.ProblemError;
import trailmap.server.ProblemException;
import trailmap.sources.Source;
import trailmap.sources.Sources;

/**
 * Segment's HTTP Tracking API: {@code POST /v1/track}, {@code identify}, {@code page}, {@code
 * screen}, {@code group}, {@code alias} (one call each), {@code /v1/batch} and its alias {@code
 * /v1/import}.
 *
 * <p>A request is authenticated by a source's write key, as the HTTP Basic user (password empty) or
 * as {@code writeKey} in the body; an API key is not a write key. It is all-or-nothing: when any
 * call is wrong, the answer (400, or 413 for an event over the size limit) lists every wrong field
 * of every call and nothing is stored, so a client fixes and resends the whole request. The answer
 * {@code {"success": true}} is sent only after the event log has made the events durable; a failed
 * append answers 503 and the client retries (the log drops duplicates by {@code messageId}).
 * Thread-safe.
 */
public final class IngestRoutes {
  static final String EVENT_KNOB =
      "'maxEventBytes' in the server's --config file; Segment documents 32 KB";
  static final String BATCH_KNOB =
      "'maxBatchBytes' in the server's --config file; Segment documents 500 KB";
  static final String COUNT_KNOB =
      "'maxBatchEvents' in the server's --config file; Segment documents 2,500";

  /** Problem answers list at most this many wrong fields; the detail gives the total. */
  static final int MAX_LISTED_ERRORS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
  private static final String SUCCESS = "{\"success\":true}";

  private final WriteKeyCheck writeKeys;
  private final EventLog log;
  private final Clock clock;
  private final IngestLimits limits;
  private final Counter gzipEvents;
  private final Counter plainEvents;
  private final Runnable appended;
  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @param registry gets {@code trailmap_ingest_events_total{encoding="gzip"|"identity"}}: the
   *     events acknowledged, by how their request body was sent
   */
  public IngestRoutes(
      Sources sources, EventLog log, Clock clock, IngestLimits limits, MeterRegistry registry) {
    this(sources, log, clock, limits, registry, () -> {});
  }

  /**
   * As the other constructor, and runs {@code appended} after every durable append (the server
   * wakes the profile processor with it, so an event does not wait out the processor's nap).
   */
  public IngestRoutes(
      Sources sources,
      EventLog log,
      Clock clock,
      IngestLimits limits,
      MeterRegistry registry,
      Runnable appended) {
    this.appended = appended;
    this.writeKeys = new WriteKeyCheck(sources);
    this.log = log;
    this.clock = clock;
    this.limits = limits;
    this.gzipEvents = acknowledged(registry, "gzip");
    this.plainEvents = acknowledged(registry, "identity");
  }

  private static Counter acknowledged(MeterRegistry registry, String encoding) {
    return Counter.builder("trailmap.ingest.events")
        .description("Events acknowledged by the collection API, by request body encoding")
        .tag("encoding", encoding)
        .register(registry);
  }

  /** Registers the {@code /v1} routes and the answer to invalid calls. */
  public void register(RoutesConfig routes) {
    for (EventType type : EventType.values()) {
      routes.post("/v1/" + type.wireName(), ctx -> single(ctx, type));
    }
    routes.post("/v1/batch", this::batch);
    routes.post("/v1/import", this::batch);
    routes.exception(InvalidCalls.class, this::answer);
  }

  private void single(Context ctx, EventType type) {
    Optional<Source> fromHeader = writeKeys.fromHeader(ctx);
    JsonNode body = parse(RequestBody.read(ctx, limits.maxEventBytes(), "one call", EVENT_KNOB));
    Source source = fromHeader.orElseGet(() -> writeKeys.fromBody(ctx, body));
    CallReader reader = new CallReader(source, clock.instant(), limits.maxEventBytes());
    Optional<Event> event =
        reader.read(
            body, Optional.empty(), 0, Optional.of(type), JsonValue.Obj.EMPTY, Optional.empty());
    if (event.isEmpty()) {
      throw new InvalidCalls(400, reader.invalid());
    }
    append(ctx, List.of(event.get()));
  }

  private void batch(Context ctx) {
    Optional<Source> fromHeader = writeKeys.fromHeader(ctx);
    BatchBody parsed =
        parseBatch(RequestBody.read(ctx, limits.maxBatchBytes(), "one batch", BATCH_KNOB));
    ObjectNode body = parsed.fields();
    Source source = fromHeader.orElseGet(() -> writeKeys.fromBody(ctx, body));
    if (!parsed.batchIsArray()) {
      throw new InvalidCalls(
          400,
          List.of(
              new FieldError(
                  Optional.empty(),
                  "batch",
                  "batch is required: the body must be an object like"
                      + " {\"batch\": [{\"type\": \"track\", ...}]}")));
    }
    List<JsonNode> calls = parsed.calls();
    if (calls.isEmpty()) {
      throw new InvalidCalls(
          400,
          List.of(
              new FieldError(Optional.empty(), "batch", "batch is empty: send 1 call or more")));
    }
    if (calls.size() > limits.maxBatchEvents()) {
      throw new ProblemException(
          Problem.of(
              413,
              "batch-too-large",
              "Batch has too many events",
              String.format(
                  Locale.ROOT,
                  "the batch has %,d events, over the limit of %,d per batch (%s);"
                      + " send them in several batches",
                  calls.size(),
                  limits.maxBatchEvents(),
                  COUNT_KNOB)));
    }
    CallReader reader = new CallReader(source, clock.instant(), limits.maxEventBytes());
    JsonValue.Obj context = reader.batchObject(body, "context");
    Optional<Instant> sentAt = reader.batchTime(body, "sentAt");
    List<Event> events = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      reader
          .read(calls.get(i), Optional.of(i), parsed.sizes()[i], Optional.empty(), context, sentAt)
          .ifPresent(events::add);
    }
    if (!reader.oversized().isEmpty()) {
      throw new InvalidCalls(413, reader.oversized());
    }
    if (!reader.invalid().isEmpty()) {
      throw new InvalidCalls(400, reader.invalid());
    }
    append(ctx, events);
  }

  private void append(Context ctx, List<Event> events) {
    try {
      log.append(events).join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.atWarn()
          .setCause(cause)
          .addKeyValue("events", events.size())
          .log("events not stored; the client was told to retry");
      ctx.header("Retry-After", "1");
      throw new ProblemException(
          Problem.of(
              503,
              "events-not-stored",
              "Events not stored",
              "the events could not be stored ("
                  + cause.getMessage()
                  + "); none of this request was acknowledged: send it again"));
    }
    appended.run();
    (RequestBody.gzipped(ctx) ? gzipEvents : plainEvents).increment(events.size());
    ctx.status(200).contentType("application/json").result(SUCCESS);
  }

  /** A batch body; a body that is not an object is answered like a missing {@code batch}. */
  private BatchBody parseBatch(byte[] body) {
    Optional<BatchBody> parsed;
    try {
      parsed = BatchBody.read(mapper, body);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
    if (parsed.isPresent()) {
      return parsed.get();
    }
    JsonNode other = parse(body); // for the empty-body and malformed-JSON answers
    return new BatchBody(
        other.isObject() ? (ObjectNode) other : mapper.createObjectNode(),
        List.of(),
        new int[0],
        false);
  }

  private static ProblemException malformed(JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    return new ProblemException(
        Problem.of(
                400,
                "malformed-json",
                "Malformed JSON",
                "the body is not valid JSON at line "
                    + line
                    + ", column "
                    + column
                    + ": "
                    + e.getOriginalMessage())
            .withErrors(List.of(new ProblemError(line, column, e.getOriginalMessage()))));
  }

  private JsonNode parse(byte[] body) {
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
    if (node == null || node.isMissingNode()) {
      throw new ProblemException(
          Problem.of(400, "empty-body", "Empty body", "the body is empty; send the call as JSON"));
    }
    return node;
  }

  private void answer(InvalidCalls e, Context ctx) {
    List<FieldError> errors = e.errors();
    boolean tooLarge = e.status() == 413;
    ObjectNode problem = mapper.createObjectNode();
    problem.put("type", "urn:trailmap:problem:" + (tooLarge ? "event-too-large" : "invalid-calls"));
    problem.put("title", tooLarge ? "Event too large" : "Invalid calls");
    problem.put("status", e.status());
    problem.put(
        "detail",
        (errors.size() == 1 ? "1 problem: " : errors.size() + " problems, the first: ")
            + errors.getFirst().message()
            + "; nothing of this request was stored: fix it and send it again");
    problem.put("requestId", Optional.ofNullable(ctx.res().getHeader("X-Request-Id")).orElse("-"));
    ArrayNode list = problem.putArray("errors");
    for (FieldError error : errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS))) {
      ObjectNode item = list.addObject();
      error.event().ifPresent(i -> item.put("event", i));
      item.put("field", error.field());
      item.put("message", error.message());
    }
    // An explicit charset, or Jetty would encode the text as ISO-8859-1 and mangle "é" in ids.
    ctx.status(e.status())
        .contentType(Problem.MEDIA_TYPE + "; charset=utf-8")
        .result(problem.toString().getBytes(StandardCharsets.UTF_8));
  }
}
