package trailmap.segments.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trailmap.eventlog.EventLog.LogEntry;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.EventJson;
import trailmap.maps.JourneyMap;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRecord;
import trailmap.profiles.ProfileStore;
import trailmap.profiles.StoredEvent;
import trailmap.profiles.TraitHistory;
import trailmap.segments.Evidence;
import trailmap.segments.Segment;
import trailmap.segments.SegmentEvidence;
import trailmap.segments.store.EvidenceRows;
import trailmap.store.Database;

/**
 * Decides a batch of profiles' rule answers from the evidence segments.db keeps for them, the new
 * events of a page and, only where asked, the profile's whole history (a backfill, a merge). Traits
 * are read only when some segment has a trait rule. Used by the processor's thread only.
 */
final class Assessor {
  /** What to look at for one profile. */
  static final class Work {
    final List<LogEntry> events = new ArrayList<>();
    final Set<String> rebuild = new HashSet<>();
    boolean rebuildAll;

    boolean rebuilds(String segmentId) {
      return rebuildAll || rebuild.contains(segmentId);
    }
  }

  /** One segment's answer for a profile, and the evidence to store when it changed. */
  record Verdict(boolean holds, List<Evidence> kept, boolean evidenceChanged) {}

  /**
   * What the rules say about one profile now, segment by segment (segments left out are waiting for
   * their backfill to reach the profile), and when to ask again.
   */
  record Answer(String profileId, Map<String, Verdict> verdicts, Optional<Instant> recheck) {}

  private final ProfileStore profiles;
  private final SegmentEvidence evidence;

  Assessor(ProfileStore profiles, Function<String, Optional<JourneyMap>> maps) {
    this.profiles = profiles;
    this.evidence = new SegmentEvidence(maps);
  }

  /**
   * Answers for the round's profiles. A segment whose backfill has not reached a profile yet is
   * left out of its answer (its evidence is not built yet), unless the profile's work rebuilds it.
   */
  List<Answer> assess(Database db, List<Segment> segments, Round round, Instant now) {
    if (round.work.isEmpty() || segments.isEmpty()) {
      return List.of();
    }
    Map<String, String> backfills =
        db.read(
            c -> {
              Map<String, String> out = new HashMap<>();
              try (var s = c.prepareStatement("SELECT segment_id, after FROM backfills");
                  var r = s.executeQuery()) {
                while (r.next()) {
                  out.put(r.getString(1), r.getString(2));
                }
              }
              return out;
            });
    List<Answer> answers = new ArrayList<>();
    for (Map.Entry<ProfileId, Work> entry : round.work.entrySet()) {
      assess(db, segments, backfills, entry.getKey(), entry.getValue(), now)
          .ifPresent(answers::add);
    }
    return answers;
  }

  private Optional<Answer> assess(
      Database db,
      List<Segment> segments,
      Map<String, String> backfills,
      ProfileId id,
      Work work,
      Instant now) {
    List<Segment> active = new ArrayList<>();
    for (Segment segment : segments) {
      String cursor = backfills.get(segment.id());
      if (cursor == null || id.value().compareTo(cursor) <= 0 || work.rebuilds(segment.id())) {
        active.add(segment);
      }
    }
    if (active.isEmpty()) {
      return Optional.empty();
    }
    JsonValue.Obj traits = JsonValue.Obj.EMPTY;
    if (active.stream().anyMatch(s -> SegmentEvidence.readsTraits(s.rule()))) {
      Optional<ProfileRecord> record = profiles.profile(id);
      if (record.isEmpty()) {
        return Optional.empty(); // erased or merged away meanwhile; a later round sees which
      }
      traits = traits(record.get());
    }
    List<StoredEvent> history =
        active.stream().anyMatch(s -> work.rebuilds(s.id())) ? profiles.events(id) : List.of();
    List<Event> parsed = history.stream().map(e -> EventJson.read(e.json())).toList();
    Map<String, List<Evidence>> stored = db.read(c -> EvidenceRows.of(c, id.value()));
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    Optional<Instant> recheck = Optional.empty();
    for (Segment segment : active) {
      boolean rebuild = work.rebuilds(segment.id());
      List<Evidence> before = stored.getOrDefault(segment.id(), List.of());
      List<Evidence> seen = new ArrayList<>();
      if (rebuild) {
        for (int i = 0; i < history.size(); i++) {
          seen.addAll(evidence.observe(segment.rule(), parsed.get(i), history.get(i).position()));
        }
      } else {
        seen.addAll(before);
      }
      for (LogEntry e : work.events) {
        seen.addAll(evidence.observe(segment.rule(), e.event(), e.position()));
      }
      List<Evidence> kept = SegmentEvidence.keep(segment.rule(), seen, now);
      boolean holds = SegmentEvidence.membership(segment.rule(), traits, kept, now);
      verdicts.put(segment.id(), new Verdict(holds, kept, rebuild || !kept.equals(before)));
      Optional<Instant> next = SegmentEvidence.nextChange(segment.rule(), traits, kept, now);
      if (next.isPresent() && (recheck.isEmpty() || next.get().isBefore(recheck.get()))) {
        recheck = next;
      }
    }
    return Optional.of(new Answer(id.value(), verdicts, recheck));
  }

  private static JsonValue.Obj traits(ProfileRecord record) {
    Map<String, JsonValue> values = new LinkedHashMap<>();
    for (TraitHistory t : record.traits()) {
      values.put(t.name(), t.current().value());
    }
    return new JsonValue.Obj(values);
  }
}
