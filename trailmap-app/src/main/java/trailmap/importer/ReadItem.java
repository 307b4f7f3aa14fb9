package trailmap.importer;

import trailmap.events.Event;

/** What a reader made of one record of a file: an event, or a rejection with its reason. */
public sealed interface ReadItem {

  /** The 1-based line where the record starts. */
  long line();

  /** A record that became an event. */
  record Parsed(long line, Event event) implements ReadItem {
    public Parsed {
      if (event == null) {
        throw new IllegalArgumentException("a parsed record needs its event");
      }
    }
  }

  /** A record that could not become an event, and why (a sentence a user can act on). */
  record Rejected(long line, String reason) implements ReadItem {
    public Rejected {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a rejection needs a reason");
      }
    }
  }
}
