package trailmap.flows.runtime;

import java.net.URI;
import java.time.Clock;
import trailmap.eventlog.EventLog;
import trailmap.flows.channels.SmtpSettings;
import trailmap.profiles.ProfileStore;

/**
 * The flow runtime as the runtime's tests build it: reading the log as far as the profile store has
 * applied it, on the test's clock, without its threads (they drive {@link FlowRuntime#advance}).
 */
final class TestRuntimes {
  /** The public URL of the unsubscribe links when a test does not care (nothing listens there). */
  static final URI PUBLIC_URL = URI.create("http://127.0.0.1");

  private TestRuntimes() {}

  /** With the default settings for {@link #PUBLIC_URL}. */
  static FlowRuntime following(FlowStore flows, ProfileStore profiles, EventLog log, Clock clock) {
    return following(flows, profiles, log, clock, FlowSettings.defaults(PUBLIC_URL));
  }

  static FlowRuntime following(
      FlowStore flows, ProfileStore profiles, EventLog log, Clock clock, FlowSettings settings) {
    return FlowRuntime.create(flows, profiles, log, profiles::position, clock, settings);
  }

  /**
   * The default settings with email sent to the SMTP server on 127.0.0.1:{@code port} (a test's
   * GreenMail) from hello@trailmap.test; unsubscribe links on a port nothing listens on.
   */
  static FlowSettings smtpOn(int port) {
    return FlowSettings.defaults(URI.create("http://127.0.0.1:1"))
        .withSmtp(SmtpSettings.parse("smtp://127.0.0.1:" + port + "?from=hello@trailmap.test"));
  }
}
