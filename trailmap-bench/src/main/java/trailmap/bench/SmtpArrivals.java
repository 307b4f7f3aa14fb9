package trailmap.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real SMTP server (GreenMail) in the benchmark's process that notes, for every recipient, the
 * {@link System#nanoTime} at which a message for it was received: when the client's {@code DATA} is
 * complete and GreenMail delivers it, before the client hears {@code 250}. Messages are then stored
 * as GreenMail always does. Thread-safe.
 */
final class SmtpArrivals implements AutoCloseable {
  private final GreenMail mail;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  /** Starts listening on 127.0.0.1:{@code port}. */
  SmtpArrivals(int port) {
    mail = new NoDelayGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    MessageDeliveryHandler store = mail.getUserManager().getMessageDeliveryHandler();
    mail.getUserManager()
        .setMessageDeliveryHandler(
            (message, to) -> {
              arrivals.putIfAbsent(key(to), System.nanoTime());
              return store.handle(message, to);
            });
  }

  private static String key(MailAddress to) {
    return to.getEmail().toLowerCase(java.util.Locale.ROOT);
  }

  /** When a message for {@code address} arrived (nanoTime), or -1 if none has. */
  long arrival(String address) {
    return arrivals.getOrDefault(address.toLowerCase(java.util.Locale.ROOT), -1L);
  }

  /** Waits until every address has a message or the timeout passed; returns how many have one. */
  int await(Collection<String> addresses, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      int arrived = 0;
      for (String a : addresses) {
        if (arrival(a) >= 0) {
          arrived++;
        }
      }
      if (arrived == addresses.size() || System.nanoTime() > deadline) {
        return arrived;
      }
      Thread.sleep(50);
    }
  }

  /** Messages received so far, for every recipient. */
  int received() {
    return mail.getReceivedMessages().length;
  }

  @Override
  public void close() {
    mail.stop();
  }

  /** GreenMail whose SMTP connections send each answer at once. */
  private static final class NoDelayGreenMail extends GreenMail {
    NoDelayGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
      Map<String, AbstractServer> services = new java.util.HashMap<>();
      for (ServerSetup setup : setups) {
        services.put(
            setup.getProtocol(),
            new SmtpServer(setup, managers) {
              @Override
              protected ProtocolHandler createProtocolHandler(Socket client) {
                try {
                  client.setTcpNoDelay(true);
                } catch (SocketException e) {
                  throw new IllegalStateException("cannot set TCP_NODELAY", e);
                }
                return super.createProtocolHandler(client);
              }
            });
      }
      return services;
    }
  }
}
