package trailmap.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.store.StoreException;

/**
 * After a run that did not close {@code profiles.db} (a crash, kill -9, power loss), checks the
 * file and sets a damaged one aside so it is rebuilt from the event log. A kill -9 never damages it
 * (SQLite's WAL survives an application crash without fsync); only an OS crash or power loss can,
 * because the database does not fsync (see {@link ProfileDatabase#open}).
 */
final class UncleanStop {
  private static final Logger LOG = LoggerFactory.getLogger(UncleanStop.class);

  private UncleanStop() {}

  static void checkOrSetAside(Path file) {
    String verdict = quickCheck(file);
    if (verdict.equals("ok")) {
      return;
    }
    Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
    try {
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      for (String suffix : List.of("-wal", "-shm")) {
        Path companion = file.resolveSibling(file.getFileName() + suffix);
        Files.deleteIfExists(companion);
      }
    } catch (IOException e) {
      throw new StoreException(
          file
              + " is damaged ("
              + verdict
              + ") and cannot be moved aside; move it away by hand"
              + " and start again: profiles are rebuilt from the event log",
          e);
    }
    LOG.atWarn()
        .addKeyValue("file", file.toString())
        .addKeyValue("movedTo", aside.toString())
        .addKeyValue("check", verdict)
        .log(
            "profiles: the database was damaged by an unclean stop; every profile is rebuilt from"
                + " the event log");
  }

  /** "ok", or what SQLite found wrong (also when the file cannot be opened at all). */
  private static String quickCheck(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("PRAGMA quick_check")) {
      return rows.next() ? rows.getString(1) : "no answer";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }
}
