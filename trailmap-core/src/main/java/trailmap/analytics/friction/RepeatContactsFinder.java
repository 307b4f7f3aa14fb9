package trailmap.analytics.friction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;

/**
 * Repeat contacts: a support contact is an event with a non-blank issue property on a support
 * channel (its own channel, or that of the first touchpoint it matches). A profile's contacts about
 * one issue form episodes: an episode starts at a contact and takes every later contact about that
 * issue within the window of its start; the next contact after the window starts a new one. An
 * episode with two or more contacts is repeated; it belongs to the touchpoint of its first contact
 * (or to its channel when that contact matches no touchpoint).
 */
final class RepeatContactsFinder {
  private RepeatContactsFinder() {}

  private static final class Place {
    long episodes;
    long repeated;
    long contacts;
    long crossChannel;
    final Set<Integer> profiles = new HashSet<>();
    final Map<String, Long> issues = new HashMap<>();
  }

  private record Contact(long micros, String channel, String place) {}

  static List<FrictionItem> find(
      EventTable table,
      JourneyMap map,
      TouchpointMatching matching,
      FrictionRules rules,
      EventFilter range) {
    Map<String, Place> places = new LinkedHashMap<>();
    for (int p = 0; p < table.profiles(); p++) {
      Map<String, List<Contact>> byIssue = new LinkedHashMap<>();
      for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
        Optional<String> issue =
            table.properties(e).at(rules.issueProperty()).flatMap(JsonValue::asText);
        if (issue.isEmpty() || !range.test(table, p, e)) {
          continue;
        }
        int tp = matching.first(e);
        String eventChannel = table.channels().text(table.channel(e));
        String touchpointChannel =
            tp < 0
                ? eventChannel
                : map.touchpoint(matching.touchpoint(tp).touchpointId()).orElseThrow().channel();
        if (!rules.supportChannels().contains(eventChannel)
            && !rules.supportChannels().contains(touchpointChannel)) {
          continue;
        }
        String place =
            tp < 0
                ? "channel:" + eventChannel
                : "touchpoint:" + matching.touchpoint(tp).touchpointId();
        byIssue
            .computeIfAbsent(issue.get(), i -> new ArrayList<>())
            .add(new Contact(table.micros(e), touchpointChannel, place));
      }
      for (Map.Entry<String, List<Contact>> issue : byIssue.entrySet()) {
        List<Contact> contacts = issue.getValue();
        int i = 0;
        while (i < contacts.size()) {
          Contact first = contacts.get(i);
          int j = i + 1;
          Set<String> channels = new HashSet<>(Set.of(first.channel()));
          while (j < contacts.size()
              && contacts.get(j).micros() - first.micros() <= rules.repeatWindowMicros()) {
            channels.add(contacts.get(j).channel());
            j++;
          }
          Place place = places.computeIfAbsent(first.place(), k -> new Place());
          place.episodes++;
          if (j - i >= 2) {
            place.repeated++;
            place.contacts += j - i;
            place.crossChannel += channels.size() > 1 ? 1 : 0;
            place.profiles.add(p);
            place.issues.merge(issue.getKey(), 1L, Long::sum);
          }
          i = j;
        }
      }
    }
    List<FrictionItem> items = new ArrayList<>();
    places.forEach(
        (key, place) -> {
          if (place.repeated == 0 || place.episodes < rules.minimumN()) {
            return;
          }
          Map<String, Long> top = new LinkedHashMap<>();
          place.issues.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(3)
              .forEach(e -> top.put(e.getKey(), e.getValue()));
          double intensity = (double) place.repeated / place.episodes;
          boolean onMap = key.startsWith("touchpoint:");
          String id = key.substring(key.indexOf(':') + 1);
          items.add(
              new FrictionItem(
                  onMap ? Optional.of(id) : Optional.empty(),
                  Optional.empty(),
                  onMap ? Optional.empty() : Optional.of(id),
                  place.profiles.size() * intensity,
                  place.profiles.size(),
                  intensity,
                  new Evidence.RepeatContacts(
                      place.episodes,
                      place.repeated,
                      place.profiles.size(),
                      place.contacts,
                      place.crossChannel,
                      top,
                      rules.repeatWindowMicros()),
                  onMap ? Friction.painPoints(map, id) : List.of()));
        });
    return items;
  }
}
