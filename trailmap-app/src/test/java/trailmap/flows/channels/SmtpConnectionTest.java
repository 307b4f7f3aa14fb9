package trailmap.flows.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SmtpChannel} keeps one SMTP connection: GreenMail on a fixed port behind a proxy that
 * counts connections; the server is stopped and started again between messages.
 */
class SmtpConnectionTest {
  static final ObjectMapper JSON = new ObjectMapper();

  ServerSetup setup;
  GreenMail smtp;
  ConnectionCountingProxy proxy;
  SmtpChannel channel;

  @BeforeEach
  void start() throws IOException {
    setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(setup);
    smtp.start();
    proxy = new ConnectionCountingProxy(setup::getPort);
  }

  @AfterEach
  void stop() throws IOException {
    if (channel != null) {
      channel.close();
    }
    proxy.close();
    smtp.stop();
  }

  SmtpChannel channel(Duration idle) {
    channel =
        new SmtpChannel(
            SmtpSettings.parse("smtp://127.0.0.1:" + proxy.port() + "?from=hello@trailmap.test"),
            idle);
    return channel;
  }

  static JsonNode email(String to) {
    return JSON.createObjectNode()
        .put("to", to + "@example.com")
        .put("subject", "Hello " + to)
        .put("html", "<p>Hello " + to + "</p>");
  }

  /** Sends outbox ids {@code prefix-0 .. prefix-(n-1)}; every one must be accepted. */
  static void deliver(SmtpChannel channel, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(channel.deliver(prefix + "-" + i, email(prefix + i)))
          .isInstanceOf(DeliveryResult.Delivered.class);
    }
  }

  static List<String> messageIds(GreenMail server) {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      try {
        ids.add(m.getMessageID());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return ids;
  }

  static List<String> expectedIds(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> SmtpChannel.messageId(prefix + "-" + i)).toList();
  }

  @Test
  void sendsManyMessagesOverOneConnection() {
    SmtpChannel ch = channel(SmtpChannel.IDLE_TIMEOUT);
    deliver(ch, "a", 20);

    assertThat(messageIds(smtp)).containsExactlyElementsOf(expectedIds("a", 20));
    assertThat(proxy.accepted()).as("connections opened").isEqualTo(1);
    assertThat(proxy.open()).as("kept open between messages").isEqualTo(1);
  }

  @Test
  void reconnectsOnceAfterTheServerRestartedAndLosesOrDoublesNothing() throws Exception {
    SmtpChannel ch = channel(SmtpChannel.IDLE_TIMEOUT);
    deliver(ch, "before", 3);
    List<String> first = messageIds(smtp);
    smtp.stop();
    awaitNoOpenConnection();
    smtp = new GreenMail(setup);
    smtp.start();

    deliver(ch, "after", 3);

    assertThat(first).containsExactlyElementsOf(expectedIds("before", 3));
    assertThat(messageIds(smtp))
        .as("the restarted server got each later message once, the earlier ones not again")
        .containsExactlyElementsOf(expectedIds("after", 3));
    assertThat(proxy.accepted()).as("one connection before the restart, one after").isEqualTo(2);
  }

  @Test
  void aFailureOnAFreshConnectionIsARetryNotASecondAttempt() {
    SmtpChannel ch = channel(SmtpChannel.IDLE_TIMEOUT);
    smtp.stop();

    DeliveryResult result = ch.deliver("down-0", email("down"));

    assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
    assertThat(((DeliveryResult.Retry) result).reason()).contains("smtp 127.0.0.1:");
    assertThat(proxy.accepted()).as("no second try when the first connection was new").isOne();
  }

  @Test
  void closesTheConnectionAfterItsIdleTimeoutAndOpensANewOneForTheNextMessage() throws Exception {
    SmtpChannel ch = channel(Duration.ofMillis(200));
    deliver(ch, "a", 2);
    ch.closeIfIdle();
    assertThat(proxy.open()).as("not idle yet").isEqualTo(1);

    Thread.sleep(300);
    ch.closeIfIdle();
    awaitNoOpenConnection();

    deliver(ch, "b", 2);
    assertThat(proxy.accepted()).isEqualTo(2);
    assertThat(messageIds(smtp))
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    expectedIds("a", 2).stream(), expectedIds("b", 2).stream())
                .toList());
  }

  @Test
  void closeEndsTheConnection() throws Exception {
    SmtpChannel ch = channel(SmtpChannel.IDLE_TIMEOUT);
    deliver(ch, "a", 1);
    ch.close();
    awaitNoOpenConnection();
    assertThat(Arrays.asList(smtp.getReceivedMessages())).hasSize(1);
  }

  void awaitNoOpenConnection() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (proxy.open() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(proxy.open()).as("open connections").isZero();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
