package trailmap.flows.dryrun;

import trailmap.flows.policy.MessagePolicy;

/**
 * The messaging rules a dry run's simulated sends obey, and where they come from, as the answer
 * states them ({@code counted.policy.from}).
 *
 * <pre>{@code
 * DryRunRules rules = DryRunRules.fromConfig(config.messaging().policy(), "trailmap.yaml");
 * }</pre>
 *
 * @param policy caps, quiet hours, opt-in channels and the global holdout
 * @param from a sentence saying whose rules these are
 */
public record DryRunRules(MessagePolicy policy, String from) {
  /** No server rules: only the flow's own quiet hours and holdouts apply. */
  public static final DryRunRules FLOW_ONLY =
      new DryRunRules(
          MessagePolicy.PERMISSIVE,
          "the flow's own rules only: no server messaging rules were given (no caps, quiet hours,"
              + " opt-in channels or global holdout beyond the flow's)");

  public DryRunRules {
    if (policy == null || from == null || from.isBlank()) {
      throw new IllegalArgumentException("a dry run's rules need a policy and where it came from");
    }
  }

  /** The {@code messaging} rules of a server config file. */
  public static DryRunRules fromConfig(MessagePolicy policy, String configFile) {
    return new DryRunRules(policy, "the server's messaging rules in " + configFile);
  }

  /** The rules of the running server. */
  public static DryRunRules ofServer(MessagePolicy policy) {
    return new DryRunRules(policy, "the server's messaging rules (its config file's messaging)");
  }
}
