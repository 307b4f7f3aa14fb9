package trailmap.analytics.funnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import trailmap.analytics.EventTable;

/**
 * The funnel analysis from query document to answer document, the one call HTTP ({@code POST
 * /api/analytics/funnel}) and CLI ({@code trailmap analyze funnel}) make:
 *
 * <pre>{@code
 * ObjectNode answer = FunnelAnalysis.run(queryJson, table, Optional.of(mapResolver));
 * }</pre>
 */
public final class FunnelAnalysis {
  private FunnelAnalysis() {}

  /**
   * Parses {@code query} ({@link FunnelQueryJson}), runs it over {@code table} ({@link
   * FunnelEngine}) and writes the answer ({@link FunnelResultJson}).
   *
   * @param resolver for {@code touchpoint:ID} and {@code stage:ID} steps; empty without a map
   * @throws InvalidFunnelQueryException listing every problem when the query is invalid
   */
  public static ObjectNode run(JsonNode query, EventTable table, Optional<StepResolver> resolver) {
    FunnelQuery parsed = FunnelQueryJson.parse(query, resolver).orThrow();
    return FunnelResultJson.write(FunnelEngine.run(parsed, table), parsed);
  }
}
