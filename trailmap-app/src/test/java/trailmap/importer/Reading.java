package trailmap.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs a reader over text or a stream and collects what it made. */
record Reading(List<ReadItem> items) {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static Reading of(EventReader reader, String fileName, String text) throws IOException {
    return of(reader, fileName, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static Reading of(EventReader reader, String fileName, InputStream in) throws IOException {
    List<ReadItem> items = new ArrayList<>();
    reader.read(in, new ReadContext(fileName, NOW, "import", "import"), items::add);
    return new Reading(items);
  }

  List<ReadItem.Parsed> parsed() {
    return items.stream()
        .filter(ReadItem.Parsed.class::isInstance)
        .map(ReadItem.Parsed.class::cast)
        .toList();
  }

  List<ReadItem.Rejected> rejected() {
    return items.stream()
        .filter(ReadItem.Rejected.class::isInstance)
        .map(ReadItem.Rejected.class::cast)
        .toList();
  }

  List<trailmap.events.Event> events() {
    return parsed().stream().map(ReadItem.Parsed::event).toList();
  }
}
