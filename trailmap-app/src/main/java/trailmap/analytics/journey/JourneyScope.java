package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.Labelling;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * What the node fields of a query resolve to: the node level (from {@code nodes}, else from the
 * prefixes of the node references, else touchpoints with a map and event names without), the
 * labelling of the table restricted to the time range {@code [from, to)}, the node names the
 * references stand for, and warnings for event names never seen.
 */
final class JourneyScope {
  final NodeLevel level;
  final Labelling labelling;
  final Optional<JourneyMap> map;
  final Optional<Instant> from;
  final Optional<Instant> to;
  final Map<String, String> nodes = new LinkedHashMap<>();
  final List<String> warnings = new ArrayList<>();

  private JourneyScope(
      NodeLevel level,
      Labelling labelling,
      Optional<JourneyMap> map,
      Optional<Instant> from,
      Optional<Instant> to) {
    this.level = level;
    this.labelling = labelling;
    this.map = map;
    this.from = from;
    this.to = to;
  }

  /**
   * Reads {@code from}, {@code to}, {@code nodes} and the node references in {@code nodeFields}.
   */
  static JourneyScope read(
      QueryReader query, EventTable table, Optional<JourneyMap> map, List<String> nodeFields) {
    Optional<Instant> from = query.instant("from");
    Optional<Instant> to = query.instant("to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw InvalidQuery.at(
          "to",
          "'" + to.get() + "' must be after from '" + from.get() + "'; the range is [from, to)");
    }
    Map<String, String> references = new LinkedHashMap<>();
    for (String field : nodeFields) {
      query.text(field).ifPresent(reference -> references.put(field, reference));
    }
    NodeLevel level = level(query, map, references);
    Labelling labelling =
        switch (level) {
          case EVENTS -> Labelling.eventNames(table);
          case TOUCHPOINTS -> Labelling.touchpoints(map.orElseThrow(), table);
          case STAGES -> Labelling.stages(map.orElseThrow(), table);
        };
    if (from.isPresent() || to.isPresent()) {
      labelling =
          labelling.within(
              table,
              from.map(JourneyScope::micros).orElse(Long.MIN_VALUE),
              to.map(JourneyScope::micros).orElse(Long.MAX_VALUE));
    }
    JourneyScope scope = new JourneyScope(level, labelling, map, from, to);
    references.forEach((field, reference) -> scope.resolve(field, reference, table));
    return scope;
  }

  private static NodeLevel level(
      QueryReader query, Optional<JourneyMap> map, Map<String, String> references) {
    Optional<NodeLevel> explicit =
        query
            .text("nodes")
            .map(
                name ->
                    NodeLevel.fromWireName(name)
                        .orElseThrow(
                            () ->
                                InvalidQuery.at(
                                    "nodes",
                                    "'"
                                        + name
                                        + "' is not a node kind; use events, touchpoints or stages")));
    Optional<NodeLevel> chosen = explicit;
    String chosenBy = "nodes";
    String chosenField = "nodes";
    for (Map.Entry<String, String> reference : references.entrySet()) {
      NodeLevel level = NodeLevel.of(reference.getValue());
      if (chosen.isPresent() && chosen.get() != level) {
        throw InvalidQuery.at(
            reference.getKey(),
            "'%s' is %s but %s asks for %s; name every node at one level"
                .formatted(
                    reference.getValue(), describe(level), chosenBy, chosen.get().wireName()));
      }
      chosen = Optional.of(level);
      chosenBy = reference.getKey() + " '" + reference.getValue() + "'";
      chosenField = reference.getKey();
    }
    NodeLevel level = chosen.orElse(map.isPresent() ? NodeLevel.TOUCHPOINTS : NodeLevel.EVENTS);
    if (level != NodeLevel.EVENTS && map.isEmpty()) {
      throw InvalidQuery.at(
          explicit.isPresent() ? "nodes" : chosenField,
          level.wireName()
              + " need a journey map; pass one with --map FILE|ID (HTTP: \"map\": ID), or name"
              + " events instead");
    }
    return level;
  }

  private static String describe(NodeLevel level) {
    return switch (level) {
      case EVENTS -> "an event name";
      case TOUCHPOINTS -> "a touchpoint";
      case STAGES -> "a stage";
    };
  }

  private void resolve(String field, String reference, EventTable table) {
    String name = level.strip(reference);
    switch (level) {
      case EVENTS -> {
        if (table.names().lookup(name) == Dictionary.ABSENT) {
          warnings.add(
              "%s: no event named '%s' was seen, so nothing passes through it; closest known: %s"
                  .formatted(
                      field, name, String.join(", ", Closest.to(name, table.names().texts(), 3))));
        }
      }
      case TOUCHPOINTS -> {
        JourneyMap journeyMap = map.orElseThrow();
        if (journeyMap.touchpoint(name).isEmpty()) {
          List<String> ids = journeyMap.touchpoints().map(Touchpoint::id).toList();
          throw InvalidQuery.at(
              field,
              "map '%s' has no touchpoint '%s'; closest: %s"
                  .formatted(journeyMap.id(), name, String.join(", ", Closest.to(name, ids, 3))));
        }
      }
      case STAGES -> {
        JourneyMap journeyMap = map.orElseThrow();
        if (journeyMap.stage(name).isEmpty()) {
          List<String> ids = journeyMap.stages().stream().map(Stage::id).toList();
          throw InvalidQuery.at(
              field,
              "map '%s' has no stage '%s'; its stages are %s"
                  .formatted(journeyMap.id(), name, String.join(", ", ids)));
        }
      }
    }
    nodes.put(field, name);
  }

  /** The node name a reference field resolved to, if the query set it. */
  Optional<String> node(String field) {
    return Optional.ofNullable(nodes.get(field));
  }

  /** Writes the scope part of a {@code counted} object. */
  void describe(ObjectNode counted) {
    counted.put("nodes", level.wireName());
    map.ifPresent(m -> counted.put("map", m.id()));
    counted.put(
        "node",
        switch (level) {
          case EVENTS ->
              "each event is its name; calls without a name (identify, group, alias) are skipped";
          case TOUCHPOINTS ->
              "each event is the first touchpoint of the map, in map order, whose matcher it meets;"
                  + " events that meet none are skipped";
          case STAGES ->
              "each event is the stage of the first touchpoint of the map, in map order, whose"
                  + " matcher it meets; events that meet none are skipped";
        });
    ObjectNode range = counted.putObject("range");
    range.put("from", from.map(Instant::toString).orElse(null));
    range.put("to", to.map(Instant::toString).orElse(null));
    range.put("rule", "events at or after from and before to; either bound may be open");
    counted.put(
        "steps",
        "a profile's events in time order (equal times in arrival order), consecutive events at"
            + " the same node merged into one step");
  }

  /** Microseconds since the epoch, saturating at the long range for instants beyond it. */
  static long micros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException beyondRange) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
