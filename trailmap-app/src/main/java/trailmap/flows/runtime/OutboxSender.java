package trailmap.flows.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValues;
import trailmap.flows.channels.Channel;
import trailmap.flows.channels.DeliveryResult;
import trailmap.flows.channels.SmtpChannel;
import trailmap.flows.channels.WebhookChannel;
import trailmap.maps.EventType;
import trailmap.profiles.ProfileId;

/**
 * Drains the outbox: hands each due row to its channel and records the result (sent; failed with
 * the next attempt after an exponential backoff; dead after {@link FlowSettings#maxAttempts} or a
 * permanent failure). Trait updates go back into the event log as {@code identify} events whose
 * messageId is the outbox id, so the log's dedup makes a repeat harmless.
 *
 * <p>A round sends what is due (at most {@link #BATCH} rows) and then records all their results in
 * one transaction, so the first message is not held up and the round pays one commit (an fsync)
 * rather than one per message; it records sooner when the first unrecorded result is {@link
 * #RECORD_WITHIN} old. A crash before the commit resends what the round had handed over: at most
 * one round's messages, each with its outbox id (docs/flows-runtime.md).
 *
 * <p>Thread-safe: one round at a time. A round started while another runs (a caller's {@link
 * FlowRuntime#step} beside the sender thread) waits for it to end, so two rounds never read the
 * same due row and hand the same message over twice. The guard is taken before the erasure lock and
 * never while holding it, so an erasure waiting for the send in flight cannot deadlock with it.
 *
 * <p>Each row is handed over outside an erasure ({@link FlowStore#outsideErasure}), and not at all
 * when an erasure deleted it after the round read it; the result of a row deleted after it was
 * handed over is dropped, so a round never writes an erased person back.
 */
final class OutboxSender implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The most rows one round tries, and so the most a crash can send again. */
  static final int BATCH = 50;

  /** How often ended messages' bodies are pruned, and how many in one transaction. */
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  private static final int PRUNE_BATCH = 500;

  /** When the sender last pruned (clock millis); read and written only inside a round. */
  private long lastPrune = Long.MIN_VALUE / 2;

  /**
   * How long a result may wait for the round's commit: a slow provider does not leave many handed
   * over messages unrecorded (checked after each send, so a send's own time comes on top).
   */
  static final Duration RECORD_WITHIN = Duration.ofMillis(100);

  /** One row's attempt, with when its channel answered. */
  private record Attempt(OutboxMessage row, DeliveryResult result, long at) {}

  /**
   * Held for a whole round, from reading the due rows to recording their results: a round started
   * meanwhile waits rather than reading rows this one has handed over but not recorded yet.
   */
  private final ReentrantLock round = new ReentrantLock();

  private final FlowStore store;
  private final EventLog log;
  private final Clock clock;
  private final FlowSettings settings;
  private final Optional<SmtpChannel> email;
  private final Channel webhook;

  /**
   * Whether a profile id belongs to a person whose erasure is recorded but not yet finished in
   * flows.db (its step failed; a retry or the next start finishes it): their rows are not handed
   * over meanwhile.
   */
  private final Predicate<ProfileId> erasurePending;

  /** How long a row of a person whose erasure is pending waits before it is looked at again. */
  static final Duration ERASURE_PENDING_RECHECK = Duration.ofMinutes(1);

  OutboxSender(
      FlowStore store,
      EventLog log,
      Clock clock,
      FlowSettings settings,
      String webhookSecret,
      Predicate<ProfileId> erasurePending) {
    this.erasurePending = erasurePending;
    this.store = store;
    this.log = log;
    this.clock = clock;
    this.settings = settings;
    this.email = settings.smtp().map(SmtpChannel::new);
    this.webhook = new WebhookChannel(webhookSecret, clock);
  }

  boolean idle() {
    long now = clock.millis();
    return store.db().read(c -> Outbox.due(c, now, 1).isEmpty());
  }

  /**
   * Tries due rows once (at most {@link #BATCH}) and records their results; returns how many were
   * tried. Closes an SMTP connection left idle. Waits for a round in progress on another thread,
   * then runs its own.
   */
  int sendDue() {
    round.lock();
    try {
      return sendDueAlone();
    } finally {
      round.unlock();
    }
  }

  /** {@link #sendDue}'s round, run while holding {@link #round}. */
  private int sendDueAlone() {
    long erasures = store.erasures();
    List<OutboxMessage> due = store.db().read(c -> Outbox.due(c, clock.millis(), BATCH));
    // The flow thread commits its decisions without waiting for the disk: what is handed to a
    // provider must survive a power loss first, or the person could get a message the restarted
    // runtime decides again (docs/flows-runtime.md, "When a commit reaches the disk"). Synced also
    // in a round with nothing due, so decisions without a message (states, segment changes) wait
    // for the disk no longer than the sender's next wake-up.
    store.db().sync();
    List<Attempt> unrecorded = new ArrayList<>();
    long firstUnrecorded = 0;
    try {
      for (OutboxMessage row : due) {
        Optional<DeliveryResult> handed =
            store.outsideErasure(
                () -> {
                  if (erased(row, erasures)) {
                    return Optional.empty();
                  }
                  // Asked inside the erasure lock: an erasure that failed while this round waited
                  // for it has left its person pending by now.
                  if (erasurePending.test(new ProfileId(row.profileId()))) {
                    postpone(row); // not skipped: such rows must not fill every round's batch
                    return Optional.empty();
                  }
                  return Optional.of(deliver(row));
                });
        if (handed.isEmpty()) {
          continue;
        }
        DeliveryResult result = handed.get();
        if (unrecorded.isEmpty()) {
          firstUnrecorded = System.nanoTime();
        }
        unrecorded.add(new Attempt(row, result, clock.millis()));
        if (System.nanoTime() - firstUnrecorded >= RECORD_WITHIN.toNanos()) {
          record(unrecorded);
          unrecorded.clear();
        }
      }
    } catch (RuntimeException e) {
      // What was handed over before the failure is recorded, not sent again after the retry.
      try {
        record(unrecorded);
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
    record(unrecorded);
    email.ifPresent(SmtpChannel::closeIfIdle);
    pruneEnded();
    return due.size();
  }

  /**
   * Empties the bodies of messages that ended over {@code messaging.bodyRetention} ago (30 days by
   * default), a batch at a time: once a minute, or again at once after a full batch (a backlog
   * after an upgrade or an outage).
   */
  private void pruneEnded() {
    long now = clock.millis();
    if (now - lastPrune < PRUNE_EVERY.toMillis()) {
      return;
    }
    int pruned =
        store.outsideErasure(
            () ->
                store
                    .db()
                    .transaction(
                        c ->
                            Outbox.prune(
                                c, now - settings.bodyRetention().toMillis(), PRUNE_BATCH)));
    lastPrune = pruned == PRUNE_BATCH ? Long.MIN_VALUE / 2 : now;
  }

  /** Closes the SMTP connection; a later round opens a new one. */
  @Override
  public void close() {
    email.ifPresent(SmtpChannel::close);
  }

  /**
   * Whether an erasure ({@link FlowStore#erase}) deleted the row since the round read it; looked up
   * only when one has committed since then ({@code erasuresAtRead}).
   */
  private boolean erased(OutboxMessage row, long erasuresAtRead) {
    return store.erasures() != erasuresAtRead
        && store
            .db()
            .read(
                c ->
                    Sql.one(
                        c,
                        "SELECT 1 FROM outbox WHERE profile_key = "
                            + FlowProfiles.KEY
                            + " AND id = ?",
                        r -> true,
                        row.profileId(),
                        row.id()))
            .isEmpty();
  }

  /** Moves a row of a person whose erasure is pending back by {@link #ERASURE_PENDING_RECHECK}. */
  private void postpone(OutboxMessage row) {
    store
        .db()
        .transaction(
            c ->
                Sql.update(
                    c,
                    "UPDATE outbox SET next_attempt_at = ? WHERE profile_key = "
                        + FlowProfiles.KEY
                        + " AND id = ?",
                    clock.millis() + ERASURE_PENDING_RECHECK.toMillis(),
                    row.profileId(),
                    row.id()));
  }

  private DeliveryResult deliver(OutboxMessage row) {
    JsonNode payload;
    try {
      payload = MAPPER.readTree(row.payload());
    } catch (JsonProcessingException e) {
      return new DeliveryResult.Permanent("damaged payload: " + e.getOriginalMessage());
    }
    if (payload.has("missing")) {
      return new DeliveryResult.Permanent(payload.get("missing").asText());
    }
    TemplateBodies bodies = store.templateBodies();
    Optional<JsonNode> out = Payloads.writtenOut(payload, id -> bodies.numbered(store.db(), id));
    if (out.isEmpty()) {
      return new DeliveryResult.Permanent(
          "the email's template body " + payload.get(Payloads.TEMPLATE) + " is not stored");
    }
    return switch (row.channel()) {
      case "email" ->
          email
              .map(ch -> ch.deliver(row.id(), out.get()))
              .orElseGet(
                  () ->
                      new DeliveryResult.Retry(
                          "no SMTP server configured (smtp in the config file or"
                              + " TRAILMAP_SMTP_URL)"));
      case "trait" -> appendTrait(row, out.get());
      default -> webhook.deliver(row.id(), out.get());
    };
  }

  private DeliveryResult appendTrait(OutboxMessage row, JsonNode payload) {
    Instant now = clock.instant();
    Map<String, JsonValue> traits = new LinkedHashMap<>();
    traits.put(payload.get("trait").asText(), JsonValues.of(payload.get("value")));
    Optional<String> user = Optional.ofNullable(payload.get("userId")).map(JsonNode::asText);
    Optional<String> anon = Optional.ofNullable(payload.get("anonymousId")).map(JsonNode::asText);
    if (user.isEmpty() && anon.isEmpty()) {
      return new DeliveryResult.Permanent("the profile has no userId or anonymousId to write to");
    }
    Event event =
        new Event(
            "flow-" + row.id(),
            EventType.IDENTIFY,
            Optional.empty(),
            user,
            user.isPresent() ? Optional.empty() : anon,
            Optional.empty(),
            Optional.empty(),
            JsonValue.Obj.EMPTY,
            new JsonValue.Obj(traits),
            JsonValue.Obj.EMPTY,
            now,
            now,
            "server",
            "trailmap-flows");
    try {
      log.append(List.of(event)).join();
      return new DeliveryResult.Delivered("identify appended to the event log");
    } catch (CompletionException e) {
      return new DeliveryResult.Retry("event log: " + e.getCause());
    }
  }

  /** Records {@code attempts} in one transaction. */
  private void record(List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    store
        .db()
        .transaction(
            c -> {
              for (Attempt a : attempts) {
                record(c, a.row(), a.result(), a.at());
              }
              return null;
            });
  }

  private void record(Connection c, OutboxMessage row, DeliveryResult result, long now)
      throws SQLException {
    int attempts = row.attempts() + 1;
    String status;
    String detail;
    long next = now;
    switch (result) {
      case DeliveryResult.Delivered d -> {
        status = "sent";
        detail = d.detail();
      }
      case DeliveryResult.Permanent p -> {
        status = "dead";
        detail = p.reason();
      }
      case DeliveryResult.Retry r -> {
        if (attempts >= settings.maxAttempts()) {
          status = "dead";
          detail = r.reason() + " (gave up after " + attempts + " attempts)";
        } else {
          status = "failed";
          next = now + settings.backoffAfter(attempts).toMillis();
          detail =
              r.reason()
                  + " (attempt "
                  + attempts
                  + " of "
                  + settings.maxAttempts()
                  + ", next at "
                  + Instant.ofEpochMilli(next)
                  + ")";
        }
      }
    }
    int updated =
        Sql.update(
            c,
            "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                + " sent_at = ? WHERE profile_key = "
                + FlowProfiles.KEY
                + " AND id = ?",
            status,
            attempts,
            next,
            status.equals("sent") ? null : detail,
            status.equals("sent") ? now : null,
            row.profileId(),
            row.id());
    if (updated == 0) {
      // The person was erased after the row was handed over: a line on their timeline would
      // write them back into flows.db.
      return;
    }
    String kind =
        row.channel().equals("email") || row.channel().equals("sms") || row.channel().equals("push")
            ? "send"
            : row.channel();
    // Numbered, as the outbox row just updated is keyed by the number.
    Outbox.activity(
        c,
        FlowProfiles.number(c, row.profileId()),
        now,
        row.flowId(),
        row.version(),
        row.step(),
        kind,
        status,
        detail,
        row.id());
  }
}
