package trailmap.flows.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValues;
import trailmap.flows.channels.Channel;
import trailmap.flows.channels.DeliveryResult;
import trailmap.flows.channels.SmtpChannel;
import trailmap.flows.channels.WebhookChannel;
import trailmap.maps.EventType;

/**
 * Drains the outbox: hands each due row to its channel and records the result (sent; failed with
 * the next attempt after an exponential backoff; dead after {@link FlowSettings#maxAttempts} or a
 * permanent failure). Trait updates go back into the event log as {@code identify} events whose
 * messageId is the outbox id, so the log's dedup makes a repeat harmless. One thread at a time.
 */
final class OutboxSender {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int BATCH = 50;

  private final FlowStore store;
  private final EventLog log;
  private final Clock clock;
  private final FlowSettings settings;
  private final Optional<Channel> email;
  private final Channel webhook;

  OutboxSender(
      FlowStore store, EventLog log, Clock clock, FlowSettings settings, String webhookSecret) {
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

  /** Tries every due row once; returns how many were tried. */
  int sendDue() {
    List<OutboxMessage> due = store.db().read(c -> Outbox.due(c, clock.millis(), BATCH));
    for (OutboxMessage row : due) {
      record(row, deliver(row));
    }
    return due.size();
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
    return switch (row.channel()) {
      case "email" ->
          email
              .map(ch -> ch.deliver(row.id(), payload))
              .orElseGet(
                  () ->
                      new DeliveryResult.Retry(
                          "no SMTP server configured (smtp in the config file or"
                              + " TRAILMAP_SMTP_URL)"));
      case "trait" -> appendTrait(row, payload);
      default -> webhook.deliver(row.id(), payload);
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

  private void record(OutboxMessage row, DeliveryResult result) {
    long now = clock.millis();
    int attempts = row.attempts() + 1;
    store
        .db()
        .transaction(
            c -> {
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
              Sql.update(
                  c,
                  "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                      + " sent_at = ? WHERE id = ?",
                  status,
                  attempts,
                  next,
                  status.equals("sent") ? null : detail,
                  status.equals("sent") ? now : null,
                  row.id());
              String kind =
                  row.channel().equals("email")
                          || row.channel().equals("sms")
                          || row.channel().equals("push")
                      ? "send"
                      : row.channel();
              Outbox.activity(
                  c,
                  row.profileId(),
                  now,
                  row.flowId(),
                  row.version(),
                  row.step(),
                  kind,
                  status,
                  detail,
                  row.id());
              return null;
            });
  }
}
