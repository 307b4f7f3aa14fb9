package trailmap.flows.policy;

import java.time.Instant;

/** The policy's answer for one message; {@link #reason} is written for the profile's timeline. */
public sealed interface Verdict {

  String reason();

  /** Send now. */
  record Send(String reason) implements Verdict {}

  /** Not now: ask again at {@code until}. */
  record Defer(Instant until, String reason) implements Verdict {}

  /** Never: the message is dropped, counted under {@code cause}. */
  record Suppress(Cause cause, String reason) implements Verdict {}

  /** Why a message was suppressed, for statistics. */
  enum Cause {
    CONSENT,
    GLOBAL_HOLDOUT,
    FLOW_HOLDOUT,
    FREQUENCY_CAP,
    PRIORITY,
    NO_ADDRESS
  }
}
