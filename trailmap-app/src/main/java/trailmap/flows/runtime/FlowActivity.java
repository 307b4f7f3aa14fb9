package trailmap.flows.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a profile's flow timeline: what a flow did with the profile and why.
 *
 * @param kind {@code entered}, {@code not-entered}, {@code variant}, {@code send}, {@code
 *     suppressed}, {@code deferred}, {@code webhook}, {@code trait}, {@code segment}, {@code left}
 * @param outcome for sends {@code queued}, {@code sent}, {@code failed} or {@code dead}; the cause
 *     of a suppression ({@code consent}, {@code frequency_cap}, …); how a run ended; else the kind
 */
public record FlowActivity(
    Instant at,
    String flowId,
    int version,
    Optional<String> step,
    String kind,
    String outcome,
    String reason,
    Optional<String> outboxId) {}
