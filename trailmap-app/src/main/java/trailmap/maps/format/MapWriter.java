package trailmap.maps.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.maps.Emotion;
import trailmap.maps.Hypothesis;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.Matcher;
import trailmap.maps.Operator;
import trailmap.maps.PainPoint;
import trailmap.maps.Persona;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Writes a map in the documented file format, fields in the documented order, empty and default
 * values left out. {@link MapReader} reads the output back to an equal map. Thread-safe.
 */
public final class MapWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper ESCAPED_JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private MapWriter() {}

  /**
   * The map as YAML; as JSON (which is YAML too, and which {@link MapReader} reads as JSON) when a
   * text holds U+0085 NEL: SnakeYAML's emitter writes that YAML 1.1 line break raw inside a quoted
   * scalar, where reading folds it to a space, while JSON escapes it.
   */
  public static String toYaml(JourneyMap map) {
    String yaml = write(YAML, map);
    return yaml.indexOf('\u0085') < 0 ? yaml : write(ESCAPED_JSON, map) + "\n";
  }

  public static String toJson(JourneyMap map) {
    return write(JSON, map) + "\n";
  }

  /** The map as plain maps and lists, the shape of the file format (for JSON APIs). */
  public static Map<String, Object> toTree(JourneyMap map) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", map.id());
    out.put("name", map.name());
    out.put("state", map.state().wireName());
    map.improves().ifPresent(v -> out.put("improves", v));
    putText(out, "description", map.description());
    putText(out, "owner", map.owner());
    map.reviewBy().ifPresent(d -> out.put("reviewBy", d.toString()));
    out.put("personas", map.personas().stream().map(MapWriter::persona).toList());
    out.put("stages", map.stages().stream().map(MapWriter::stage).toList());
    return out;
  }

  private static String write(ObjectMapper mapper, JourneyMap map) {
    try {
      return mapper.writeValueAsString(toTree(map));
    } catch (JsonProcessingException e) {
      // Only strings, numbers, booleans, maps and lists are written: this cannot fail.
      throw new IllegalStateException("could not serialise map " + map.id(), e);
    }
  }

  private static Map<String, Object> persona(Persona p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("name", p.name());
    putText(out, "description", p.description());
    putList(out, "goals", p.goals());
    putList(out, "motivations", p.motivations());
    return out;
  }

  private static Map<String, Object> stage(Stage s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", s.id());
    out.put("name", s.name());
    putText(out, "description", s.description());
    putList(out, "goals", s.goals());
    putList(out, "kpis", s.kpis().stream().map(MapWriter::kpi).toList());
    putList(out, "touchpoints", s.touchpoints().stream().map(MapWriter::touchpoint).toList());
    return out;
  }

  private static Map<String, Object> touchpoint(Touchpoint t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("name", t.name());
    out.put("channel", t.channel());
    t.matcher().ifPresent(m -> out.put("match", matcher(m)));
    putList(out, "actions", t.actions());
    putList(out, "thoughts", t.thoughts());
    if (t.emotions().size() == 1 && t.emotions().getFirst().persona().isEmpty()) {
      out.put("emotion", emotion(t.emotions().getFirst()));
    } else {
      putList(out, "emotion", t.emotions().stream().map(MapWriter::emotion).toList());
    }
    putList(out, "painPoints", t.painPoints().stream().map(MapWriter::painPoint).toList());
    putList(out, "opportunities", t.opportunities());
    putList(out, "kpis", t.kpis().stream().map(MapWriter::kpi).toList());
    putList(out, "backstage", t.backstage());
    return out;
  }

  private static Map<String, Object> matcher(Matcher m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.event().ifPresent(v -> out.put("event", v));
    m.type().ifPresent(v -> out.put("type", v.wireName()));
    m.channel().ifPresent(v -> out.put("channel", v));
    if (!m.where().isEmpty()) {
      Map<String, Object> where = new LinkedHashMap<>();
      m.where().forEach(c -> where.put(c.property(), condition(c)));
      out.put("where", where);
    }
    return out;
  }

  private static Object condition(PropertyCondition c) {
    List<Object> raw = c.operands().stream().map(Scalar::raw).toList();
    return switch (c.operator()) {
      case EQ -> raw.getFirst();
      case EXISTS -> Map.of(Operator.EXISTS.wireName(), true);
      case IN -> Map.of(Operator.IN.wireName(), raw);
      default -> Map.of(c.operator().wireName(), raw.getFirst());
    };
  }

  private static Map<String, Object> emotion(Emotion e) {
    Map<String, Object> out = new LinkedHashMap<>();
    e.persona().ifPresent(p -> out.put("persona", p));
    out.put("score", e.score());
    putText(out, "label", e.label());
    return out;
  }

  private static Map<String, Object> painPoint(PainPoint p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", p.text());
    out.put("severity", p.severity().wireName());
    putList(out, "backstage", p.backstage());
    p.hypothesis().ifPresent(h -> out.put("hypothesis", hypothesis(h)));
    return out;
  }

  private static Map<String, Object> hypothesis(Hypothesis h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("claim", h.claim());
    out.put("metric", h.metric().wireName());
    h.touchpoint().ifPresent(v -> out.put("touchpoint", v));
    h.to().ifPresent(v -> out.put("to", v));
    h.atLeast().ifPresent(v -> out.put("atLeast", number(v)));
    h.atMost().ifPresent(v -> out.put("atMost", number(v)));
    return out;
  }

  private static Map<String, Object> kpi(Kpi k) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", k.id());
    out.put("name", k.name());
    putText(out, "metric", k.metric());
    k.target().ifPresent(v -> out.put("target", number(v)));
    k.current().ifPresent(v -> out.put("current", number(v)));
    putText(out, "unit", k.unit());
    if (k.better() == Kpi.Direction.LOWER) {
      out.put("better", "lower");
    }
    return out;
  }

  /** Whole numbers are written without ".0" so files stay as people write them. */
  private static Object number(double value) {
    return new Scalar.Number(value).raw();
  }

  private static void putText(Map<String, Object> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static void putList(Map<String, Object> out, String key, List<?> values) {
    if (!values.isEmpty()) {
      out.put(key, values);
    }
  }
}
