package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.flows.engine.FlowState;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.SentMessage;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;

/**
 * What one round of the flow thread (a page of events, a batch of timers) reads about the profiles
 * it handles, each read once however many events and flows it concerns: the view from profiles.db,
 * and inside the round's transaction the profile's flow states, consent and send history from
 * flows.db. Reading consent and history again for every flow an event was handed to was 6 % of the
 * runtime's time with 20 flows (trailmap-bench/README.md).
 *
 * <p>The history a round hands out includes the sends it queued itself ({@link #sent}), so the next
 * flow's caps count them as they did when every flow read the table again. Flow states are the
 * caller's to update ({@link #states} hands out the map the round keeps). Only for the transaction
 * it was used in: a round that failed starts over with new reads.
 */
final class ProfileReads {
  /** Sends older than this count for no frequency cap (the longest window is a month). */
  static final Duration HISTORY = Duration.ofDays(35);

  private final ProfileStore profiles;
  private final StateCache held;
  private final Instant now;
  private final Map<ProfileId, Optional<ProfileView>> views = new HashMap<>();

  /** The event names each view was read with. */
  private final Map<ProfileId, Set<String>> withEvents = new HashMap<>();

  private final Map<ProfileId, Map<String, FlowState>> states = new HashMap<>();
  private final Map<ProfileId, Map<String, Long>> armed = new HashMap<>();
  private final Map<ProfileId, FlowProfiles.Numbered> numbers = new HashMap<>();
  private final Map<ProfileId, Consent> consent = new HashMap<>();
  private final Map<ProfileId, List<SentMessage>> history = new HashMap<>();

  ProfileReads(ProfileStore profiles, StateCache held, Instant now) {
    this.profiles = profiles;
    this.held = held;
    this.now = now;
  }

  /**
   * The profile as profiles.db holds it now, with its recent events of the names in {@code events}
   * (what the flows at hand count in {@code did} conditions: reading and parsing events is most of
   * a view's cost, so only those are read). Empty for a profile that was erased.
   */
  Optional<ProfileView> view(ProfileId id, Set<String> events) {
    views(List.of(id), events);
    return views.get(id);
  }

  /**
   * {@link #view} for each of {@code ids}, those not held yet (with these events) read from
   * profiles.db in one read transaction instead of one each.
   */
  void views(Collection<ProfileId> ids, Set<String> events) {
    Set<ProfileId> missing = new LinkedHashSet<>();
    Set<String> names = new HashSet<>(events);
    for (ProfileId id : ids) {
      Set<String> read = withEvents.get(id);
      if (!views.containsKey(id) || read == null || !read.containsAll(events)) {
        missing.add(id);
        if (read != null) {
          names.addAll(read);
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Set<String> kept = Set.copyOf(names);
    ProfileView.load(profiles, missing, kept, now)
        .forEach(
            (id, view) -> {
              views.put(id, view);
              withEvents.put(id, kept);
            });
  }

  /**
   * Takes the views {@code earlier} read (for a round ahead: {@link ViewsAhead}, {@link
   * PageAhead}), each with its events cut to this round's horizon, so a view reads as if read now.
   * Views read at a later time than this round's are not taken.
   */
  void adopt(ProfileReads earlier) {
    if (earlier.now.isAfter(now)) {
      return;
    }
    Instant since = now.minus(ProfileView.EVENT_HORIZON);
    earlier.views.forEach((id, view) -> views.put(id, view.map(v -> v.since(since))));
    withEvents.putAll(earlier.withEvents);
  }

  /**
   * The profile's flow states by flow id, taken once per round from those held in memory ({@link
   * StateCache}); the caller keeps them current.
   */
  Map<String, FlowState> states(Connection c, ProfileId id) throws SQLException {
    Map<String, FlowState> round = states.get(id);
    if (round == null) {
      FlowStates.Held read = held.held(c, List.of(id)).get(id);
      hold(id, read);
      round = read.states();
    }
    return round;
  }

  /**
   * The profile's wake-up in the flow as flows.db holds it: its rows read again in {@code c}'s
   * transaction, which the round goes on with, and forgotten in memory until a later round reads
   * them from the file too. For a wake-up found due in the file that the held states disagree with,
   * which only a write they were not told of leaves.
   */
  Optional<Long> armedInFile(Connection c, ProfileId id, String flowId) throws SQLException {
    held.forget(id);
    hold(id, FlowStates.held(c, id));
    return Optional.ofNullable(armed.get(id).get(flowId));
  }

  /**
   * The profile's number in flows.db ({@link FlowProfiles#number}), as read with its states or
   * given in this round: the rows a timer writes are keyed by it, and looking it up again for each
   * was 5-8 % of the flow thread's samples (trailmap-bench/README.md, session 14).
   */
  FlowProfiles.Numbered numbered(Connection c, ProfileId id) throws SQLException {
    FlowProfiles.Numbered held = numbers.get(id);
    if (held == null) {
      held = FlowProfiles.number(c, id.value());
      numbers.put(id, held);
    }
    return held;
  }

  /**
   * Holds {@code read} as the profile's states for the round: read before its transaction (to tell
   * which profiles a page concerns), so that the transaction need not read them again. The caller
   * drops them ({@link #forgetStates}) if flows.db changed in between.
   */
  void hold(ProfileId id, FlowStates.Held read) {
    states.put(id, read.states());
    armed.put(id, read.armed());
    read.number().ifPresent(n -> numbers.put(id, n));
  }

  /** The send history query of {@link #preload}, its {@code IN} list to fill. */
  static final String HISTORY_IN =
      "SELECT p.profile_id, h.sent_at, h.channel, h.flow_id FROM flow_profiles p"
          + " JOIN send_history h ON h.profile_key = p.profile_key"
          + " WHERE p.profile_id IN (%s) AND h.sent_at >= ?";

  /**
   * Reads, for those of {@code ids} not yet held, the flow states (from memory, {@link
   * StateCache}), consent and send history that {@link #states}, {@link #consent} and {@link
   * #history} would read one profile at a time: a batch of due timers or a page of events reads its
   * profiles' rows in a few statements instead of three per profile (those statements were a fifth
   * of a timer's time at 1M waiting, trailmap-bench/README.md, session 13). Inside the round's
   * transaction, like those.
   */
  void preload(Connection c, Collection<ProfileId> ids) throws SQLException {
    List<ProfileId> states =
        ids.stream().distinct().filter(id -> !this.states.containsKey(id)).toList();
    held.held(c, states).forEach(this::hold);
    List<String> consents = notIn(ids, consent);
    Map<String, Consent> consented = FlowStore.consent(c, consents);
    for (String id : consents) {
      consent.put(new ProfileId(id), consented.getOrDefault(id, Consent.DEFAULT));
    }
    List<String> histories = notIn(ids, history);
    Map<String, List<SentMessage>> sent = new HashMap<>();
    Sql.inList(
        c,
        HISTORY_IN,
        r ->
            sent.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(
                    new SentMessage(
                        Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4))),
        histories,
        now.minus(HISTORY).toEpochMilli());
    for (String id : histories) {
      history.put(new ProfileId(id), sent.getOrDefault(id, new ArrayList<>()));
    }
  }

  /** The ids of {@code ids}, once each, that {@code held} has nothing for yet. */
  private static List<String> notIn(Collection<ProfileId> ids, Map<ProfileId, ?> held) {
    return ids.stream()
        .distinct()
        .filter(id -> !held.containsKey(id))
        .map(ProfileId::value)
        .toList();
  }

  /** Forgets every state held, and the numbers read with them, to be read again. */
  void forgetStates() {
    states.clear();
    armed.clear();
    numbers.clear();
  }

  /**
   * The wake-up armed in flows.db for the profile in the flow ({@code due_at}), as read with the
   * states: what a due timer is checked against, so that one fired or armed anew since it was found
   * due is left alone. The caller forgets it once it fired it ({@link #fired}).
   */
  Optional<Long> armed(Connection c, ProfileId id, String flowId) throws SQLException {
    states(c, id);
    return Optional.ofNullable(armed.get(id).get(flowId));
  }

  /** The wake-up of the profile in the flow was fired (and disarmed) in this round. */
  void fired(ProfileId id, String flowId) {
    Map<String, Long> held = armed.get(id);
    if (held != null) {
      held.remove(flowId);
    }
  }

  Consent consent(Connection c, ProfileId id) throws SQLException {
    Consent held = consent.get(id);
    if (held == null) {
      held = FlowStore.consent(c, id.value());
      consent.put(id, held);
    }
    return held;
  }

  /** The messages sent to the profile by any flow within {@link #HISTORY}, this round's too. */
  List<SentMessage> history(Connection c, ProfileId id) throws SQLException {
    List<SentMessage> held = history.get(id);
    if (held == null) {
      held =
          Sql.list(
              c,
              "SELECT sent_at, channel, flow_id FROM send_history WHERE profile_key = "
                  + FlowProfiles.KEY
                  + " AND sent_at >= ?",
              r ->
                  new SentMessage(
                      Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3)),
              id.value(),
              now.minus(HISTORY).toEpochMilli());
      history.put(id, held);
    }
    return held;
  }

  /**
   * The round queued a send to the profile: the history held for it gains the send, as the table
   * did, so the next flow's caps count it.
   */
  void sent(ProfileId id, SentMessage sent) {
    List<SentMessage> held = history.get(id);
    if (held != null) {
      held.add(sent);
    }
  }
}
