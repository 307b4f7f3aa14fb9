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
import java.util.Properties;

/**
 * Email over SMTP (Jakarta Mail, Eclipse Angus). The {@code Message-ID} is {@code
 * <OUTBOX_ID@trailmap>}, so a message sent again after a crash carries the same id and receiving
 * systems can drop the copy. Emails with an unsubscribe URL carry {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058). Thread-safe.
 *
 * <p>Payload: {@code {"to", "subject", "html", "unsubscribeUrl"?}}.
 */
public final class SmtpChannel implements Channel {
  private final SmtpSettings settings;
  private final Session session;

  public SmtpChannel(SmtpSettings settings) {
    this.settings = settings;
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
    try {
      Transport.send(message);
      return new DeliveryResult.Delivered("accepted by " + settings.host() + ":" + settings.port());
    } catch (SendFailedException e) {
      return new DeliveryResult.Permanent("refused by " + settings + ": " + e.getMessage());
    } catch (MessagingException e) {
      return new DeliveryResult.Retry(settings + ": " + e.getMessage());
    }
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
