package trailmap.flows.channels;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Email over SMTP (Jakarta Mail, Eclipse Angus). The {@code Message-ID} is {@code
 * <OUTBOX_ID@trailmap>}, so a message sent again after a crash carries the same id and receiving
 * systems can drop the copy. Emails with an unsubscribe URL carry {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058).
 *
 * <p>One SMTP connection is kept open between messages: opened by the first {@link #deliver},
 * reused by the next ones, closed after {@link #IDLE_TIMEOUT} without a message ({@link
 * #closeIfIdle}, or at the next delivery) and by {@link #close}. A failure on a reused connection
 * (the server may have closed it: an idle timeout, a restart) is tried once more on a new
 * connection before it counts; any failure closes the connection, so the next message starts on a
 * fresh one.
 *
 * <p>Thread-safe: deliveries take turns on the one connection (a lock held while a message is
 * handed over), so callers on several threads are served one at a time.
 *
 * <p>Payload: {@code {"to", "subject", "html", "unsubscribeUrl"?}}.
 */
public final class SmtpChannel implements Channel, AutoCloseable {
  /** How long the connection stays open without a message: 30 seconds. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final SmtpSettings settings;
  private final Session session;
  private final long idleNanos;
  private final ReentrantLock lock = new ReentrantLock();

  /** The open connection, or null; guarded by {@link #lock}, as is {@link #lastUsed}. */
  private Transport transport;

  private long lastUsed;

  public SmtpChannel(SmtpSettings settings) {
    this(settings, IDLE_TIMEOUT);
  }

  /**
   * @param idleTimeout how long the connection stays open without a message; more than zero
   */
  public SmtpChannel(SmtpSettings settings, Duration idleTimeout) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "the SMTP idle timeout must be more than zero, was " + idleTimeout);
    }
    this.settings = settings;
    this.idleNanos = idleTimeout.toNanos();
    Properties p = new Properties();
    String proto = settings.tls() ? "smtps" : "smtp";
    p.setProperty("mail.transport.protocol", proto);
    p.setProperty("mail." + proto + ".host", settings.host());
    p.setProperty("mail." + proto + ".port", String.valueOf(settings.port()));
    p.setProperty("mail." + proto + ".connectiontimeout", "10000");
    p.setProperty("mail." + proto + ".timeout", "20000");
    p.setProperty("mail." + proto + ".writetimeout", "20000");
    p.setProperty("mail." + proto + ".starttls.enable", String.valueOf(settings.startTls()));
    settings.user().ifPresent(u -> p.setProperty("mail." + proto + ".auth", "true"));
    Authenticator auth =
        settings.user().isEmpty()
            ? null
            : new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(
                    settings.user().get(), settings.password().orElse(""));
              }
            };
    this.session = Session.getInstance(p, auth);
  }

  /** The Message-ID an outbox row's email carries. */
  public static String messageId(String outboxId) {
    return "<" + outboxId + "@trailmap>";
  }

  @Override
  public DeliveryResult deliver(String outboxId, JsonNode payload) {
    MimeMessage message = new FixedIdMessage(session, messageId(outboxId));
    try {
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipients(
          jakarta.mail.Message.RecipientType.TO,
          InternetAddress.parse(payload.path("to").asText(), true));
      message.setSubject(payload.path("subject").asText(), "UTF-8");
      message.setContent(payload.path("html").asText(), "text/html; charset=UTF-8");
      JsonNode unsubscribe = payload.get("unsubscribeUrl");
      if (unsubscribe != null) {
        message.setHeader("List-Unsubscribe", "<" + unsubscribe.asText() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      message.saveChanges();
    } catch (AddressException e) {
      return new DeliveryResult.Permanent("bad address: " + e.getMessage());
    } catch (MessagingException e) {
      return new DeliveryResult.Permanent("cannot build the email: " + e.getMessage());
    }
    lock.lock();
    try {
      closeIdle(System.nanoTime());
      boolean reused = transport != null;
      try {
        send(message);
      } catch (MessagingException e) {
        disconnect();
        if (!reused || refused(e)) {
          return failure(e);
        }
        // The server may have dropped the connection we kept (an idle timeout, a restart) without
        // our noticing: that says nothing about this message, so it gets one new connection.
        try {
          send(message);
        } catch (MessagingException again) {
          disconnect();
          return failure(again);
        }
      } finally {
        lastUsed = System.nanoTime();
      }
      return new DeliveryResult.Delivered("accepted by " + settings.host() + ":" + settings.port());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the connection when no message has used it for the idle timeout; the sender calls it
   * between rounds. Waits for a delivery in progress.
   */
  public void closeIfIdle() {
    lock.lock();
    try {
      closeIdle(System.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  /** Closes the connection (after a delivery in progress); the next delivery opens a new one. */
  @Override
  public void close() {
    lock.lock();
    try {
      disconnect();
    } finally {
      lock.unlock();
    }
  }

  private void closeIdle(long now) {
    if (transport != null && now - lastUsed >= idleNanos) {
      disconnect();
    }
  }

  /**
   * Hands {@code message} over on the open connection, connecting first when there is none. Not
   * {@code Transport.send}, which opens and closes a connection per message (and picks the
   * transport by address type, {@code smtp}, whatever {@code mail.transport.protocol} says).
   */
  private void send(MimeMessage message) throws MessagingException {
    if (transport == null) {
      Transport t = session.getTransport();
      t.connect();
      transport = t;
    }
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (IllegalStateException e) {
      // Jakarta Mail closed the connection itself (after an I/O error) and says "not connected".
      throw new MessagingException("the SMTP connection was closed: " + e.getMessage(), e);
    }
  }

  private void disconnect() {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // QUIT failed on a connection that is going away anyway; the socket is closed regardless.
    } finally {
      transport = null;
    }
  }

  /**
   * True when the server refused this message for good: a 5xx reply (RFC 5321), or a send Jakarta
   * Mail refuses itself (no recipients). A new connection would get the same answer. Anything else
   * (no reply, a dropped connection, a 4xx) may be the connection's fault or pass.
   */
  private static boolean refused(MessagingException e) {
    boolean transientReply = false;
    for (Exception x = e; x != null; x = next(x)) {
      int code =
          switch (x) {
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            case SMTPSendFailedException s -> s.getReturnCode();
            default -> 0;
          };
      if (code >= 500 && code < 600) {
        return true;
      }
      transientReply |= code != 0;
    }
    return !transientReply && e instanceof SendFailedException;
  }

  private static Exception next(Exception x) {
    return x instanceof MessagingException m ? m.getNextException() : null;
  }

  private DeliveryResult failure(MessagingException e) {
    return refused(e)
        ? new DeliveryResult.Permanent("refused by " + settings + ": " + e.getMessage())
        : new DeliveryResult.Retry(settings + ": " + e.getMessage());
  }

  /** A message whose Message-ID is fixed, not made up by Jakarta Mail on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
