package trailmap.flows.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trailmap.flows.Flow;
import trailmap.flows.Message;
import trailmap.flows.channels.Templates;
import trailmap.flows.channels.UnsubscribeTokens;
import trailmap.flows.engine.Decision;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowState;
import trailmap.flows.policy.SentMessage;
import trailmap.profiles.ProfileId;

/**
 * Carries out an engine's decisions inside the caller's transaction: the new state with its
 * wake-up, the outbox rows (rendered with the profile's traits), send history, suppressions and the
 * timeline.
 */
final class DecisionWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FlowSettings settings;
  private final UnsubscribeTokens tokens;

  private final SegmentLink segments;
  private final TemplateBodies templates;

  /**
   * The unsubscribe links' start, a token to append: resolving each link against the public URL
   * parsed a URI per message (5 % of the flow thread's Java samples in the timers phase,
   * trailmap-bench/README.md, session 16). Tokens are URL-safe base64 and hex, which a resolve
   * leaves as they are.
   */
  private final String unsubscribeBase;

  DecisionWriter(
      FlowSettings settings,
      UnsubscribeTokens tokens,
      SegmentLink segments,
      TemplateBodies templates) {
    this.segments = segments;
    this.settings = settings;
    this.tokens = tokens;
    this.templates = templates;
    this.unsubscribeBase = settings.publicUrl().resolve("/u/").toString();
  }

  /**
   * Writes {@code d} for the profile, numbered {@code who}, and returns the sends it queued (what
   * the profile's send history gained), so the round's caps can count them without reading the
   * history again. For decisions a wake-up caused, the state is written with that wake-up ({@code
   * firedAt}, else null) disarmed, if it is still armed and the decisions arm no other ({@link
   * FlowStates#save(Connection, FlowProfiles.Numbered, FlowState, Long, Long, Long, FlowState,
   * RoundChanges)}). Decisions that write no state (a profile that never entered) disarm nothing.
   * {@code previous} is the profile's state in the flow as the round read it (null for none): a row
   * holding it is updated in place rather than read first. What the writes change in the
   * statistics' counts is added to {@code counts}, for the caller to write before its transaction
   * commits.
   */
  List<SentMessage> write(
      Connection c,
      FlowProfiles.Numbered who,
      Flow flow,
      ProfileView profile,
      Decisions d,
      long now,
      Long firedAt,
      FlowState previous,
      RoundChanges counts)
      throws SQLException {
    List<SentMessage> queuedSends = new ArrayList<>();
    FlowState state = d.state();
    Long setAt = null;
    Long cancelAt = null;
    for (Decision decision : d.decisions()) {
      switch (decision) {
        case Decision.TimerSet set -> setAt = set.at().toEpochMilli();
        case Decision.TimerCancelled cancel -> cancelAt = cancel.at().toEpochMilli();
        default -> {}
      }
    }
    // The wake-up is written with the state, in one statement (FlowStates.save). A state that
    // never entered has no run, so no wake-up to arm or disarm.
    if (state.entries() > 0) {
      FlowStates.save(c, who, state, setAt, cancelAt, firedAt, previous, counts);
    }
    String pid = profile.id().value();
    int version = flow.version();
    for (Decision decision : d.decisions()) {
      switch (decision) {
        case Decision.TimerSet set -> {} // written with the state above
        case Decision.TimerCancelled cancel -> {}
        case Decision.Entered e ->
            log(c, who, now, flow, null, "entered", e.heldOut() ? "held-out" : "entered", e, null);
        case Decision.NotEntered n -> {
          String cause = n.cause().wire();
          if (!repeatsLastRefusal(c, who, flow.id(), cause)) {
            log(c, who, now, flow, null, "not-entered", cause, n, null);
          }
        }
        case Decision.Assigned a ->
            log(c, who, now, flow, a.splitId(), "variant", a.variant(), a, null);
        case Decision.Send send -> {
          Optional<TemplateBodies.Body> template =
              send.message() instanceof Message.Email email
                  ? templates.of(c, email.template())
                  : Optional.empty();
          String payload = render(flow, profile, send.message(), send.address(), template);
          boolean queued =
              Outbox.queue(
                  c,
                  send.outboxId(),
                  flow.id(),
                  version,
                  who,
                  send.stepId(),
                  send.message().channel(),
                  payload,
                  now,
                  counts);
          if (queued) {
            Outbox.history(c, send.outboxId(), who, send.message().channel(), flow.id(), now);
            queuedSends.add(
                new SentMessage(Instant.ofEpochMilli(now), send.message().channel(), flow.id()));
            Optional<String> missing = missing(send.message(), template);
            if (missing.isPresent()) {
              // The status change is counted by a trigger, which moves the message from a
              // pending count that must be there already.
              counts.write(c);
              Sql.update(
                  c,
                  "UPDATE outbox SET status = 'dead', last_error = ? WHERE profile_key = ? AND id = ?",
                  missing.get(),
                  who.key(),
                  send.outboxId());
              log(c, who, now, flow, send.stepId(), "send", "dead", missing.get(), send.outboxId());
            } else {
              log(c, who, now, flow, send.stepId(), "send", "queued", send, send.outboxId());
            }
          }
        }
        case Decision.Suppressed s -> {
          Sql.update(
              c,
              "INSERT OR IGNORE INTO suppressions (outbox_id, profile_id, flow_id, version, step,"
                  + " cause, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              s.outboxId(),
              pid,
              flow.id(),
              version,
              s.stepId(),
              s.cause().name(),
              s.reason(),
              now);
          String cause = s.cause().name().toLowerCase(Locale.ROOT);
          log(c, who, now, flow, s.stepId(), "suppressed", cause, s, s.outboxId());
        }
        case Decision.Deferred def ->
            log(c, who, now, flow, def.stepId(), "deferred", "deferred", def, def.outboxId());
        case Decision.CallWebhook call -> {
          ObjectNode p = MAPPER.createObjectNode();
          p.put("url", call.webhook().url()).put("method", call.webhook().method());
          p.put(
              "body",
              Templates.render(
                  call.webhook().bodyTemplate(),
                  profile.traits(),
                  Map.of("profile.id", pid),
                  Templates.Escape.JSON));
          if (Outbox.queue(
              c,
              call.outboxId(),
              flow.id(),
              version,
              who,
              call.stepId(),
              "webhook",
              p.toString(),
              now,
              counts)) {
            log(c, who, now, flow, call.stepId(), "webhook", "queued", call, call.outboxId());
          }
        }
        case Decision.SetTrait set -> {
          ObjectNode p = MAPPER.createObjectNode();
          p.put("trait", set.trait());
          p.putPOJO("value", set.value().raw());
          profile.userId().ifPresent(u -> p.put("userId", u));
          profile.anonymousId().ifPresent(a -> p.put("anonymousId", a));
          String id = trailmap.flows.Buckets.id("trait", flow.id(), pid, set.trait(), now + "");
          if (Outbox.queue(
              c, id, flow.id(), version, who, "-", "trait", p.toString(), now, counts)) {
            log(c, who, now, flow, null, "trait", "queued", set, id);
          }
        }
        case Decision.SegmentChange change -> {
          // segments.db is its own file: the change is applied at once and is idempotent, so a
          // page replayed after a crash applies it again to the same effect.
          boolean done =
              segments.change(change.segmentId(), profile.id(), change.add(), "flow:" + flow.id());
          log(
              c,
              who,
              now,
              flow,
              null,
              "segment",
              done ? (change.add() ? "added" : "removed") : "not-carried-out",
              done
                  ? change.reason()
                  : change.reason() + " (no segment '" + change.segmentId() + "')",
              null);
        }
        case Decision.Left left ->
            log(c, who, now, flow, left.stepId(), "left", left.outcome().wireName(), left, null);
        case Decision.StepReached r -> {}
        case Decision.Ignored i -> {}
      }
    }
    return queuedSends;
  }

  /** Why the message cannot be sent: an email whose template is not stored. */
  private static Optional<String> missing(Message message, Optional<TemplateBodies.Body> template) {
    if (message instanceof Message.Email email && template.isEmpty()) {
      return Optional.of(
          "no email template '" + email.template() + "' (store it with FlowStore.saveTemplate)");
    }
    return Optional.empty();
  }

  /**
   * The payload the sender hands the channel ({@link Payloads}); {@code template} is an email's
   * stored body.
   */
  private String render(
      Flow flow,
      ProfileView profile,
      Message message,
      String to,
      Optional<TemplateBodies.Body> template) {
    String pid = profile.id().value();
    ObjectNode p = MAPPER.createObjectNode();
    p.put("to", to).put("topic", message.topic());
    switch (message) {
      case Message.Email email -> {
        String url = unsubscribeBase + tokens.token(pid, "topic", email.topic());
        Map<String, String> values = Map.of("unsubscribeUrl", url, "profile.id", pid);
        p.put(
            "subject",
            Templates.render(email.subject(), profile.traits(), values, Templates.Escape.NONE));
        p.put("unsubscribeUrl", url);
        if (template.isPresent()) {
          String body = template.get().text();
          Payloads.queueBody(p, template.get(), Templates.reads(body, profile.traits(), values));
        } else {
          p.put(Payloads.HTML, ""); // dead at once for want of its template (missing)
        }
      }
      case Message.Sms sms ->
          provider(p, "sms", sms.provider(), pid, to, sms.topic(), null, sms.body(), profile);
      case Message.Push push ->
          provider(
              p,
              "push",
              push.provider(),
              pid,
              to,
              push.topic(),
              push.title(),
              push.body(),
              profile);
    }
    return p.toString();
  }

  /**
   * The request to an SMS or push provider: POST to its URL with the JSON body {@code {"channel",
   * "to", "topic", "profileId", "title" (push only), "body"}}, texts rendered with the profile's
   * traits (docs/flows-runtime.md, "SMS and push providers").
   */
  private void provider(
      ObjectNode p,
      String channel,
      String provider,
      String pid,
      String to,
      String topic,
      String title,
      String body,
      ProfileView profile) {
    URI url = settings.providers().get(provider);
    p.put("url", url == null ? "" : url.toString()).put("method", "POST");
    if (url == null) {
      p.put(
          "missing",
          "no provider '"
              + provider
              + "' under messaging.providers in the server's config (configured: "
              + (settings.providers().isEmpty()
                  ? "none"
                  : String.join(", ", new java.util.TreeSet<>(settings.providers().keySet())))
              + "); add it with its webhook URL and restart the server");
    }
    ObjectNode b = MAPPER.createObjectNode();
    b.put("channel", channel).put("to", to).put("topic", topic).put("profileId", pid);
    Map<String, String> values = Map.of("profile.id", pid);
    if (title != null) {
      b.put("title", Templates.render(title, profile.traits(), values, Templates.Escape.NONE));
    }
    b.put("body", Templates.render(body, profile.traits(), values, Templates.Escape.NONE));
    p.put("body", b.toString());
  }

  /**
   * Whether the profile's latest line in the flow is a refusal for the same cause. A run of them
   * keeps its first line, which says why, instead of a line each: a trigger on every page view
   * while the profile is inside, or a year of history imported past {@code entry.maxTriggerAge},
   * wrote a line per event (and, for the import, a million lines for a million old events).
   */
  private static boolean repeatsLastRefusal(
      Connection c, FlowProfiles.Numbered who, String flowId, String cause) throws SQLException {
    return Sql.one(
            c,
            "SELECT kind = 'not-entered' AND outcome = ? FROM activity"
                + " WHERE profile_key = ? AND flow_id = ? ORDER BY seq DESC LIMIT 1",
            r -> r.getBoolean(1),
            cause,
            who.key(),
            flowId)
        .orElse(false);
  }

  private static void log(
      Connection c,
      FlowProfiles.Numbered who,
      long now,
      Flow flow,
      String step,
      String kind,
      String outcome,
      Object reason,
      String outboxId)
      throws SQLException {
    String text = reason instanceof Decision d ? d.reason() : String.valueOf(reason);
    Outbox.activity(c, who, now, flow.id(), flow.version(), step, kind, outcome, text, outboxId);
  }

  static ProfileId id(String value) {
    return new ProfileId(value);
  }
}
