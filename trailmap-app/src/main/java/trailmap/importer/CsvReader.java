package trailmap.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * CSV (RFC 4180, UTF-8) with a header row, mapped onto events by a {@link ColumnMapping}. Each row
 * is one call: {@code type} (default {@code track}), the mapped fields, and every other non-empty
 * cell as a string property named by its header (as a trait on identify and group rows). A row
 * without a messageId gets one derived from the file name and the line the row starts on.
 */
public final class CsvReader implements EventReader {
  private final ColumnMapping mapping;

  public CsvReader(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public void read(InputStream in, ReadContext context, Consumer<ReadItem> out) throws IOException {
    Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    CsvRecords records = new CsvRecords(reader);
    Optional<CsvRecords.Record> headerRecord = records.next();
    if (headerRecord.isEmpty() || headerRecord.get().problem().isPresent()) {
      throw new UnusableInputException(
          context.fileName()
              + ": the first line must be a header row naming the columns"
              + headerRecord
                  .flatMap(CsvRecords.Record::problem)
                  .map(p -> " (" + p + ")")
                  .orElse(""));
    }
    List<String> header = headerRecord.get().fields().stream().map(String::strip).toList();
    Map<String, Integer> fields = mapping.resolve(header, context.fileName());
    for (Optional<CsvRecords.Record> r = records.next(); r.isPresent(); r = records.next()) {
      CsvRecords.Record record = r.get();
      if (record.problem().isPresent()) {
        out.accept(new ReadItem.Rejected(record.line(), record.problem().get()));
      } else if (record.fields().size() == 1 && record.fields().getFirst().isEmpty()) {
        continue; // a blank line
      } else if (record.fields().size() != header.size()) {
        out.accept(
            new ReadItem.Rejected(
                record.line(),
                "row has "
                    + record.fields().size()
                    + " fields, the header has "
                    + header.size()
                    + ": quote fields that contain commas"));
      } else {
        out.accept(toItem(record, header, fields, context));
      }
    }
  }

  private static ReadItem toItem(
      CsvRecords.Record record, List<String> header, Map<String, Integer> fields, ReadContext ctx) {
    List<String> cells = record.fields();
    long line = record.line();
    Optional<String> typeName = cell(cells, fields, "type");
    EventType type = EventType.TRACK;
    if (typeName.isPresent()) {
      Optional<EventType> t = EventType.fromWireName(typeName.get().strip());
      if (t.isEmpty() || t.get() == EventType.ALIAS || t.get() == EventType.GROUP) {
        return new ReadItem.Rejected(
            line,
            "type '"
                + Problems.clip(typeName.get())
                + "' is not one a CSV row can be: use track, identify, page or screen");
      }
      type = t.get();
    }
    Optional<String> userId = cell(cells, fields, "userId");
    Optional<String> anonymousId = cell(cells, fields, "anonymousId");
    if (userId.isEmpty() && anonymousId.isEmpty()) {
      return new ReadItem.Rejected(line, "userId or anonymousId is empty");
    }
    Optional<String> name = cell(cells, fields, "event");
    if (type == EventType.TRACK && name.isEmpty()) {
      return new ReadItem.Rejected(line, "the event name is empty");
    }
    Optional<String> timeText = cell(cells, fields, "timestamp");
    if (timeText.isEmpty()) {
      return new ReadItem.Rejected(line, "the timestamp is empty");
    }
    Optional<Instant> time = Timestamps.parse(timeText.get());
    if (time.isEmpty()) {
      return new ReadItem.Rejected(line, Timestamps.problem("timestamp", timeText.get()));
    }
    Optional<String> messageId = cell(cells, fields, "messageId");
    if (messageId.isPresent() && messageId.get().length() > Event.MAX_ID_LENGTH) {
      return new ReadItem.Rejected(line, "messageId is over 255 characters");
    }
    Map<String, JsonValue> rest = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (!fields.containsValue(i) && !cells.get(i).isEmpty()) {
        rest.put(header.get(i), new JsonValue.Str(cells.get(i)));
      }
    }
    boolean traitsRow = type == EventType.IDENTIFY;
    JsonValue.Obj other = new JsonValue.Obj(rest);
    Event event =
        new Event(
            messageId.orElseGet(() -> MessageIds.derive(ctx.fileName(), Long.toString(line))),
            type,
            name,
            userId,
            anonymousId,
            Optional.empty(),
            Optional.empty(),
            traitsRow ? JsonValue.Obj.EMPTY : other,
            traitsRow ? other : JsonValue.Obj.EMPTY,
            JsonValue.Obj.EMPTY,
            time.get(),
            ctx.receivedAt(),
            cell(cells, fields, "channel").orElse(ctx.channel()),
            ctx.source());
    return new ReadItem.Parsed(line, event);
  }

  private static Optional<String> cell(List<String> cells, Map<String, Integer> fields, String f) {
    Integer i = fields.get(f);
    return i == null || cells.get(i).isBlank()
        ? Optional.empty()
        : Optional.of(cells.get(i).strip());
  }
}
