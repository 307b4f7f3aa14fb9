package trailmap.importer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic messageIds for records that carry none, so importing the same file again stores
 * nothing twice: a name-based (version 3) UUID of {@code trailmap-import:FILE:POSITION}, where FILE
 * is the file's name without its directory (the same file imported from another directory is still
 * the same file) and POSITION is the line number (JSON Lines, CSV) or {@code trace/event} index
 * (XES). Renaming a file, or inserting lines above a record, gives its records new ids.
 */
final class MessageIds {
  private MessageIds() {}

  static String derive(String fileName, String position) {
    String key = "trailmap-import:" + fileName + ":" + position;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
