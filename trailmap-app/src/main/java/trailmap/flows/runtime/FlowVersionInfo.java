package trailmap.flows.runtime;

import java.time.Instant;
import java.util.Optional;

/** One stored version of a flow; {@code publishedAt} is empty for a version never published. */
public record FlowVersionInfo(
    String flowId, int version, Instant createdAt, Optional<Instant> publishedAt) {}
