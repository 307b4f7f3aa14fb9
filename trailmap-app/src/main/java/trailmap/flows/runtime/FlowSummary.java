package trailmap.flows.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A flow as listed.
 *
 * @param currentVersion the version that takes entries; empty while a draft
 * @param latestVersion the newest stored version (a draft when above {@code currentVersion})
 */
public record FlowSummary(
    String id,
    String name,
    FlowStatus status,
    Optional<Integer> currentVersion,
    int latestVersion,
    Instant updatedAt) {}
