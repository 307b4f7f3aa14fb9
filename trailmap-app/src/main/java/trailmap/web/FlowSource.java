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
 * {@code GET /api/flows/{id}/stats} gives for one (so a page shows the API's own numbers), and its
 * stored versions, oldest first.
 */
public record FlowSource(
    Supplier<List<FlowSummary>> list,
    Function<String, Optional<FlowSummary>> find,
    Function<FlowSummary, JsonNode> stats,
    Function<String, List<FlowVersionInfo>> versions) {}
