package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.flows.runtime.FlowSummary;
import trailmap.flows.runtime.FlowVersionInfo;

/**
 * What the flow pages read: the flows as {@code GET /api/flows} lists them, one by id, the answer
 * {@code GET /api/flows/{id}/stats} gives for one (so a page shows the API's own numbers), its
 * stored versions, oldest first, and how many profiles are inside it now (a count the store keeps,
 * cheap enough for the list of every flow).
 */
public record FlowSource(
    Supplier<List<FlowSummary>> list,
    Function<String, Optional<FlowSummary>> find,
    Function<FlowSummary, JsonNode> stats,
    Function<String, List<FlowVersionInfo>> versions,
    Function<String, Long> waiting) {}
