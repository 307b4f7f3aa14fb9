package trailmap.flows.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trailmap.events.JsonValue;

/**
 * Fills {@code {{ traits.firstName }}} and {@code {{ traits.firstName | default: 'there' }}}
 * placeholders from a profile's traits (dotted paths reach nested objects) and from named values
 * such as {@code unsubscribeUrl} and {@code profile.id}. A missing value without a default renders
 * empty. Values are escaped for where they land: HTML for email bodies, JSON string content for
 * webhook bodies, nothing for subjects and texts. Stateless and thread-safe.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*(?:\\|\\s*default\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*)?\\}\\}");

  /** How a value is escaped. */
  public enum Escape {
    HTML,
    JSON,
    NONE
  }

  private Templates() {}

  /**
   * @param values extra values by name, e.g. {@code unsubscribeUrl}
   */
  public static String render(
      String template, JsonValue.Obj traits, Map<String, String> values, Escape escape) {
    List<Part> parts = parts(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    for (Part part : parts) {
      switch (part) {
        case Literal l -> out.append(l.text());
        case Placeholder p -> append(out, p, read(p.path(), traits, values), escape);
      }
    }
    return out.toString();
  }

  /**
   * What each placeholder of {@code template} reads, by its path, unescaped, as {@link #render}
   * reads it (a path that reads nothing is left out): {@link #fill} with these gives the text
   * {@code render} gives. So a message can be decided with the profile's traits of that moment and
   * written out later, from far less than the written text (the outbox keeps these and the body's
   * number instead of the rendered email, docs/flows-runtime.md).
   */
  public static Map<String, String> reads(
      String template, JsonValue.Obj traits, Map<String, String> values) {
    Map<String, String> out = new TreeMap<>();
    for (Part part : parts(template)) {
      if (part instanceof Placeholder p && !out.containsKey(p.path())) {
        read(p.path(), traits, values).ifPresent(text -> out.put(p.path(), text));
      }
    }
    return out;
  }

  /** {@code template} with each placeholder's text taken from {@code reads} ({@link #reads}). */
  public static String fill(String template, Map<String, String> reads, Escape escape) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    for (Part part : parts(template)) {
      switch (part) {
        case Literal l -> out.append(l.text());
        case Placeholder p -> append(out, p, Optional.ofNullable(reads.get(p.path())), escape);
      }
    }
    return out.toString();
  }

  private static Optional<String> read(
      String path, JsonValue.Obj traits, Map<String, String> values) {
    return path.startsWith("traits.")
        ? traits.at(path.substring("traits.".length())).flatMap(Templates::text)
        : Optional.ofNullable(values.get(path));
  }

  private static void append(
      StringBuilder out, Placeholder p, Optional<String> value, Escape escape) {
    String text = value.filter(v -> !v.isEmpty()).orElse(p.fallback() == null ? "" : p.fallback());
    out.append(escape(text, escape));
  }

  private static List<Part> parts(String template) {
    List<Part> parts = PARSED.get(template);
    if (parts == null) {
      parts = parse(template);
      // Templates are few; a flood of distinct texts (every save of a template is a new one) must
      // not grow the heap: the cache starts over past a count or a total length of text.
      if (PARSED.size() >= PARSED_MAX
          || PARSED_CHARS.addAndGet(template.length()) > PARSED_MAX_CHARS) {
        PARSED.clear();
        PARSED_CHARS.set(template.length());
      }
      PARSED.put(template, parts);
    }
    return parts;
  }

  /**
   * Templates already split into literal text and placeholders, by their text: matching the
   * placeholder pattern over a ~1 KB body for every message was 7 % of a timer's cost in the flow
   * runtime (trailmap-bench/README.md).
   */
  private static final Map<String, List<Part>> PARSED = new ConcurrentHashMap<>();

  private static final int PARSED_MAX = 1024;

  private static final long PARSED_MAX_CHARS = 16L << 20;

  /** About how much text {@link #PARSED} holds (keys and parts both hold it once). */
  private static final AtomicLong PARSED_CHARS = new AtomicLong();

  /** A piece of a parsed template. */
  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  /**
   * @param fallback the {@code default:} text, or null
   */
  private record Placeholder(String path, String fallback) implements Part {}

  private static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Literal(template.substring(at, m.start())));
      }
      parts.add(new Placeholder(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)));
      at = m.end();
    }
    if (at < template.length()) {
      parts.add(new Literal(template.substring(at)));
    }
    return List.copyOf(parts);
  }

  private static Optional<String> text(JsonValue v) {
    return switch (v) {
      case JsonValue.Str s -> Optional.of(s.value());
      case JsonValue.Num n ->
          Optional.of(
              n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                  ? String.valueOf((long) n.value())
                  : String.valueOf(n.value()));
      case JsonValue.Bool b -> Optional.of(String.valueOf(b.value()));
      default -> Optional.empty();
    };
  }

  static String escape(String text, Escape escape) {
    return switch (escape) {
      case NONE -> text;
      case HTML -> html(text);
      case JSON -> json(text);
    };
  }

  private static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
