package trailmap.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which CSV column fills which event field, as given by {@code --map
 * userId=customer_id,event=action,timestamp=ts}. Fields: {@code userId}, {@code anonymousId},
 * {@code event}, {@code timestamp}, {@code messageId}, {@code type}, {@code channel}. A field not
 * mapped is taken from a header column of the same name, ignoring case and underscores ({@code
 * User_id} fills {@code userId}). Every other column becomes a property.
 */
public record ColumnMapping(Map<String, String> columns) {

  /** The event fields a column may fill. */
  public static final List<String> FIELDS =
      List.of("userId", "anonymousId", "event", "timestamp", "messageId", "type", "channel");

  public ColumnMapping {
    columns = Map.copyOf(columns);
  }

  /** No explicit mapping: every field from the column of its own name. */
  public static ColumnMapping none() {
    return new ColumnMapping(Map.of());
  }

  /**
   * Parses {@code FIELD=COLUMN[,FIELD=COLUMN…]}.
   *
   * @throws UnusableInputException naming the bad pair and the fields that exist
   */
  public static ColumnMapping parse(String spec) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String pair : spec.split(",", -1)) {
      String p = pair.strip();
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new UnusableInputException(
            "--map '"
                + p
                + "': expected FIELD=COLUMN, e.g. --map userId=customer_id,event=action,timestamp=ts");
      }
      String field = p.substring(0, eq).strip();
      String canonical =
          FIELDS.stream()
              .filter(f -> f.equalsIgnoreCase(field))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UnusableInputException(
                          "--map '"
                              + p
                              + "': unknown field '"
                              + field
                              + "'; fields are "
                              + String.join(", ", FIELDS)
                              + " (other columns become properties by themselves)"));
      if (columns.put(canonical, p.substring(eq + 1).strip()) != null) {
        throw new UnusableInputException("--map names '" + canonical + "' twice");
      }
    }
    return new ColumnMapping(columns);
  }

  /**
   * The column index of each mapped field in this header, by field.
   *
   * @throws UnusableInputException when a column named in --map is not in the header, or no column
   *     gives the timestamp, the event name, or an identity
   */
  Map<String, Integer> resolve(List<String> header, String fileName) {
    Map<String, Integer> indexes = new LinkedHashMap<>();
    for (String field : FIELDS) {
      Optional<String> explicit = Optional.ofNullable(columns.get(field));
      if (explicit.isPresent()) {
        int i = header.indexOf(explicit.get());
        if (i < 0) {
          throw new UnusableInputException(
              fileName
                  + ": --map "
                  + field
                  + "="
                  + explicit.get()
                  + " but the header has no column '"
                  + explicit.get()
                  + "'; columns are "
                  + String.join(", ", header));
        }
        indexes.put(field, i);
      } else {
        for (int i = 0; i < header.size(); i++) {
          if (squash(header.get(i)).equals(squash(field))) {
            indexes.put(field, i);
            break;
          }
        }
      }
    }
    for (String needed : List.of("timestamp", "event")) {
      if (!indexes.containsKey(needed)
          && !(needed.equals("event") && indexes.containsKey("type"))) {
        throw new UnusableInputException(
            fileName
                + ": no column gives the "
                + needed
                + "; name it with --map "
                + needed
                + "=COLUMN (columns are "
                + String.join(", ", header)
                + ")");
      }
    }
    if (!indexes.containsKey("userId") && !indexes.containsKey("anonymousId")) {
      throw new UnusableInputException(
          fileName
              + ": no column gives userId or anonymousId; name one with --map userId=COLUMN (columns are "
              + String.join(", ", header)
              + ")");
    }
    return indexes;
  }

  private static String squash(String name) {
    return name.replace("_", "").replace("-", "").strip().toLowerCase(Locale.ROOT);
  }
}
