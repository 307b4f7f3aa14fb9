package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.flows.Cron;
import trailmap.flows.engine.Input;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * The flow runtime's work for {@code schedule} triggers (docs/flows-runtime.md, "Schedules"), on
 * the flow thread: every profile's next firing of every schedule flow in {@code schedule_timers},
 * the sweeps that give stored profiles their first firing, and the firings that come due, handed to
 * the flow through {@link FlowWork}.
 */
final class ScheduleWork {
  /** Profiles per sweep page and firings per transaction. */
  private static final int PAGE = 500;

  private final FlowStore store;
  private final ProfileStore profiles;
  private final FlowWork work;

  /** The published flows with a schedule trigger (in their current version), by flow id. */
  private volatile Map<String, Cron> schedules = Map.of();

  ScheduleWork(FlowStore store, ProfileStore profiles, FlowWork work) {
    this.store = store;
    this.profiles = profiles;
    this.work = work;
  }

  /**
   * Follows the published schedule flows, restarting the sweep of each one published for the first
   * time or with another cron.
   */
  void load(Map<String, Cron> crons) {
    schedules = Map.copyOf(crons);
    restartChanged();
  }

  /** No firing is due by {@code nowMillis} and every sweep is done. */
  boolean idle(long nowMillis) {
    return store.db().read(c -> ScheduleTimers.due(c, nowMillis, 1).isEmpty()) && seeded();
  }

  /** Gives a profile that has none yet its next firing of every schedule flow (a new profile). */
  void ensure(Connection c, ProfileReads reads, ProfileId profile, Instant now)
      throws SQLException {
    if (schedules.isEmpty() || scheduled(c, profile)) {
      return;
    }
    Optional<ProfileView> view = reads.view(profile, Set.of());
    if (view.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      ScheduleTimers.ensure(
          c,
          schedule.getKey(),
          profile,
          ScheduleTimers.next(schedule.getValue(), view.get().zone(), now));
    }
  }

  /** Whether the profile has its next firing of every schedule flow already. */
  boolean scheduled(Connection c, ProfileId profile) throws SQLException {
    for (String flowId : schedules.keySet()) {
      if (!ScheduleTimers.has(c, flowId, profile)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives the next page of stored profiles their first firing of a schedule flow that is still
   * being swept (one page per call, so events keep flowing during a sweep of millions); the sweep's
   * position commits with the firings. A flow published with another cron than its sweep's starts
   * over. Returns how many profiles it visited, at least 1 when it did anything.
   */
  int seed(Instant now) {
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      String flowId = schedule.getKey();
      Cron cron = schedule.getValue();
      Optional<ScheduleTimers.Seed> seed = store.db().read(c -> ScheduleTimers.seed(c, flowId));
      if (seed.isEmpty() || seed.get().done()) {
        continue;
      }
      String after = seed.get().after();
      List<ProfileId> ids = profiles.ids(after, PAGE);
      List<ProfileView> views = new ArrayList<>();
      for (ProfileId id : ids) {
        ProfileView.load(profiles, id, Set.of(), now).ifPresent(views::add);
      }
      String last = ids.isEmpty() ? after : ids.getLast().value();
      store
          .db()
          .transactionSyncedLater(
              c -> {
                Optional<ScheduleTimers.Seed> still = ScheduleTimers.seed(c, flowId);
                if (still.isEmpty() || !still.get().after().equals(after)) {
                  throw new IllegalStateException("the schedule sweep of '" + flowId + "' moved");
                }
                for (ProfileView view : views) {
                  ScheduleTimers.ensure(
                      c, flowId, view.id(), ScheduleTimers.next(cron, view.zone(), now));
                }
                ScheduleTimers.seeded(c, flowId, last, ids.size() < PAGE);
                return null;
              });
      return Math.max(1, ids.size());
    }
    return 0;
  }

  /**
   * Starts the sweep over for every schedule flow published for the first time or with another cron
   * than its sweep's, dropping the old firings, before any of them can fire on the new cron.
   */
  private void restartChanged() {
    store
        .db()
        .transactionSyncedLater(
            c -> {
              for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
                String cron = schedule.getValue().expression();
                Optional<ScheduleTimers.Seed> seed = ScheduleTimers.seed(c, schedule.getKey());
                if (seed.isEmpty() || !seed.get().cron().equals(cron)) {
                  ScheduleTimers.restart(c, schedule.getKey(), cron);
                }
              }
              return null;
            });
  }

  private boolean seeded() {
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      Optional<ScheduleTimers.Seed> seed =
          store.db().read(c -> ScheduleTimers.seed(c, schedule.getKey()));
      if (seed.isEmpty()
          || !seed.get().done()
          || !seed.get().cron().equals(schedule.getValue().expression())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fires the schedule firings due by the clock, a page in one transaction: each moves its row to
   * the profile's next firing (in its current time zone) and hands the flow a {@code ScheduleFired}
   * in the same transaction, so a firing happens once. A firing missed while the server was down or
   * the flow paused fires once, late; the next is counted from now, so no backlog of firings
   * follows. Rows of profiles erased or merged into another, and of flows no longer on a schedule,
   * are dropped. Returns how many rows it passed.
   */
  int fireDue(Instant now) {
    List<FlowStates.Due> due =
        store.db().read(c -> ScheduleTimers.due(c, now.toEpochMilli(), PAGE));
    if (due.isEmpty()) {
      return 0;
    }
    ProfileReads reads = new ProfileReads(profiles, store.states(), now);
    Map<ProfileId, Optional<ProfileView>> views = new HashMap<>();
    for (FlowStates.Due firing : due) {
      views.computeIfAbsent(firing.profile(), id -> current(reads, id, work.didEvents()));
    }
    work.roundTransaction(
        c -> {
          for (FlowStates.Due firing : due) {
            Cron cron = schedules.get(firing.flowId());
            Optional<Integer> version = work.publishedVersion(firing.flowId());
            Optional<ProfileView> view = views.get(firing.profile());
            if (cron == null || version.isEmpty() || view.isEmpty()) {
              ScheduleTimers.delete(c, firing.flowId(), firing.profile());
              continue;
            }
            Instant after = Instant.ofEpochMilli(Math.max(firing.dueMillis(), now.toEpochMilli()));
            long next = ScheduleTimers.next(cron, view.get().zone(), after);
            if (ScheduleTimers.advance(
                c, firing.flowId(), firing.profile(), firing.dueMillis(), next)) {
              work.handleOne(
                  c,
                  reads,
                  firing.profile(),
                  firing.flowId(),
                  version.get(),
                  new Input.ScheduleFired(),
                  now);
            }
          }
          return null;
        });
    return due.size();
  }

  /**
   * The profile as the runtime sees it, unless it was erased, merged into another one, or holds no
   * identity (no flow acts on it, FlowWork.handleOne): then its firing row goes instead of being
   * armed again.
   */
  private Optional<ProfileView> current(ProfileReads reads, ProfileId id, Set<String> events) {
    if (!profiles.resolve(new ProfileRef.ById(id)).equals(Optional.of(id))) {
      return Optional.empty();
    }
    return reads.view(id, events).filter(ProfileView::identified);
  }
}
