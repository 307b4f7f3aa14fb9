package trailmap.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trailmap.analytics.Conditions;
import trailmap.analytics.EventTable;
import trailmap.maps.PropertyCondition;
import trailmap.maps.format.ConditionReader;
import trailmap.maps.format.Suggestions;

/**
 * The filter every analysis takes besides its time range, the query's {@code where}: {@code
 * {"channel": "web" | ["web", "app"], "source": …, "properties": {…}, "traits": {…}}}, the same
 * document the funnel reads. An event counts when its channel and source are among those given (any
 * when absent) and its properties satisfy every condition; a profile counts when its current traits
 * satisfy every trait condition. Filtered-out events do not exist for the analysis.
 */
record ScopeFilter(
    Set<String> channels,
    Set<String> sources,
    List<PropertyCondition> properties,
    List<PropertyCondition> traits) {
  /** {@code segment} is read (and removed) by {@link Analyses} before this filter sees it. */
  static final List<String> FIELDS =
      List.of("channel", "source", "properties", "traits", "segment");

  ScopeFilter {
    channels = Set.copyOf(channels);
    sources = Set.copyOf(sources);
    properties = List.copyOf(properties);
    traits = List.copyOf(traits);
  }

  /**
   * Reads {@code where} (null when the query has none).
   *
   * @throws trailmap.server.ProblemException 400 listing every problem with its path
   */
  static ScopeFilter read(JsonNode where) {
    if (where == null || where.isNull()) {
      return new ScopeFilter(Set.of(), Set.of(), List.of(), List.of());
    }
    List<String> problems = new ArrayList<>();
    if (!where.isObject()) {
      throw QueryProblems.of(
          List.of("$.where: must be an object with channel, source, properties or traits"));
    }
    for (Map.Entry<String, JsonNode> field : where.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        problems.add(
            "$.where."
                + field.getKey()
                + ": unknown filter"
                + Suggestions.hint(field.getKey(), FIELDS)
                + "; filters are "
                + String.join(", ", FIELDS));
      }
    }
    ScopeFilter filter =
        new ScopeFilter(
            texts(where.get("channel"), "$.where.channel", problems),
            texts(where.get("source"), "$.where.source", problems),
            conditions(where.get("properties"), "$.where.properties", "the event filter", problems),
            conditions(where.get("traits"), "$.where.traits", "the profile filter", problems));
    if (!problems.isEmpty()) {
      throw QueryProblems.of(problems);
    }
    return filter;
  }

  boolean acceptsAll() {
    return channels.isEmpty() && sources.isEmpty() && properties.isEmpty() && traits.isEmpty();
  }

  /** The table with only the events and profiles this filter accepts. */
  EventTable apply(EventTable table) {
    if (acceptsAll()) {
      return table;
    }
    boolean[] channelOk = accepted(channels, table.channels().size(), table, true);
    boolean[] sourceOk = accepted(sources, table.sources().size(), table, false);
    return table.select(
        e ->
            (channelOk == null || channelOk[table.channel(e)])
                && (sourceOk == null || sourceOk[table.source(e)])
                && Conditions.all(properties, table.properties(e)),
        p -> Conditions.all(traits, table.traits(p)));
  }

  /** Per dictionary id whether it is accepted; null when any is. */
  private static boolean[] accepted(
      Set<String> texts, int size, EventTable table, boolean channel) {
    if (texts.isEmpty()) {
      return null;
    }
    boolean[] ok = new boolean[size];
    for (int id = 0; id < size; id++) {
      ok[id] = texts.contains(channel ? table.channels().text(id) : table.sources().text(id));
    }
    return ok;
  }

  private static Set<String> texts(JsonNode node, String path, List<String> problems) {
    Set<String> out = new LinkedHashSet<>();
    if (node == null) {
      return out;
    }
    if (node.isTextual()) {
      out.add(node.textValue());
    } else if (node.isArray() && !node.isEmpty() && allText(node)) {
      node.forEach(item -> out.add(item.textValue()));
    } else {
      problems.add(path + ": must be a text or a non-empty list of texts (any of them matches)");
    }
    return out;
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static List<PropertyCondition> conditions(
      JsonNode node, String path, String context, List<String> problems) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    return ConditionReader.read(
        node,
        context,
        (property, message) ->
            problems.add(property.map(p -> path + "." + p).orElse(path) + ": " + message));
  }
}
