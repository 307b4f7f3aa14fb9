package trailmap.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Captures what the {@code trailmap} loggers write, at INFO, while open. */
final class CapturedLogs implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("trailmap");
  private final Level previous = logger.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLogs() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** The key-value pairs of each event from this logger, in order. */
  List<Map<String, String>> fields(String loggerName) {
    return events().stream()
        .filter(e -> e.getLoggerName().equals(loggerName))
        .map(
            e ->
                e.getKeyValuePairs() == null
                    ? Map.<String, String>of()
                    : e.getKeyValuePairs().stream()
                        .collect(
                            Collectors.toMap(
                                (KeyValuePair kv) -> kv.key, kv -> String.valueOf(kv.value))))
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
