package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;
import trailmap.flows.channels.SmtpSettings;
import trailmap.flows.runtime.FlowSettings;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileProcessor;
import trailmap.profiles.ProfileRef;

/**
 * A real server on a random port and a temp data dir, reading the test's clock, following an
 * in-memory event log and mailing through the test's GreenMail; it keeps the log across {@link
 * #restart}s. For the tests that run profiles, segments and flows end to end.
 */
public final class LiveServer implements AutoCloseable {
  /** How long {@link #settle} waits for each stage. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private final Path dataDir;
  private final Clock clock;
  private final GreenMailExtension smtp;
  private final String from;
  private final UnaryOperator<FlowSettings> tune;
  private final MemoryEventLog log = new MemoryEventLog();
  private TrailmapServer server;
  private ProfileProcessor processor;

  private LiveServer(
      Path dataDir,
      Clock clock,
      GreenMailExtension smtp,
      String from,
      UnaryOperator<FlowSettings> tune) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.smtp = smtp;
    this.from = from;
    this.tune = tune;
  }

  /** Sends as {@code hello@trailmap.test} with the default flow settings. */
  public static LiveServer start(Path dataDir, Clock clock, GreenMailExtension smtp) {
    return start(dataDir, clock, smtp, "hello@trailmap.test", UnaryOperator.identity());
  }

  /** Sends as {@code from}, with the flow settings as {@code tune} changes them. */
  public static LiveServer start(
      Path dataDir,
      Clock clock,
      GreenMailExtension smtp,
      String from,
      UnaryOperator<FlowSettings> tune) {
    LiveServer live = new LiveServer(dataDir, clock, smtp, from, tune);
    live.open();
    return live;
  }

  private void open() {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withDataDir(dataDir)
            .withSmtp(
                SmtpSettings.parse(
                    "smtp://127.0.0.1:" + smtp.getSmtp().getPort() + "?from=" + from));
    server = TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY), log);
    processor = server.followEvents(log, tune);
  }

  /** Closes the server and starts another on the same data dir and log (on a new port). */
  public void restart() {
    server.close();
    log.reopened();
    open();
  }

  public TrailmapServer server() {
    return server;
  }

  /** An HTTP client of the current server; closing it closes the server. */
  public TestServer api() {
    return TestServer.wrap(server);
  }

  public MemoryEventLog log() {
    return log;
  }

  /** Waits until profiles, segments and flows have handled everything in the log. */
  public void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      // The processor's own position, which the runtime reads, not the store's: it moves last.
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
      if (server.segmentProcessor().isPresent()) {
        assertThat(server.segmentProcessor().get().awaitIdle(WAIT)).isTrue();
      }
      assertThat(server.flowRuntime().orElseThrow().awaitIdle(WAIT)).isTrue();
    }
  }

  /** Appends the events to the log and {@link #settle}s. */
  public void send(Event... events) throws InterruptedException {
    log.add(events);
    settle();
  }

  public ProfileId profile(String ref) {
    return server.profiles().resolve(ProfileRef.parse(ref)).orElseThrow();
  }

  /** The mail GreenMail received whose recipients include {@code address}, oldest first. */
  public List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  /** The recipients of each mail GreenMail received, oldest first. */
  public List<String> recipients() {
    return Arrays.stream(smtp.getReceivedMessages()).map(LiveServer::recipients).toList();
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
