package trailmap.maps.format;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON value that remembers where it was written, so every validation problem can
 * point at its line and column. Jackson's own tree drops locations, hence this small tree. Public
 * so other documents (flows) are read with the same positions and messages as maps.
 */
public sealed interface Node {

  /** Where the value starts, 1-based. */
  int line();

  int column();

  /** A word for the kind of value, for "must be X, was Y" messages. */
  String kind();

  /** A mapping; keys keep their file order. */
  record Obj(int line, int column, Map<String, Field> fields) implements Node {
    @Override
    public String kind() {
      return "an object";
    }
  }

  /** One key of a mapping, with the location of the key itself. */
  record Field(String name, int line, int column, Node value) {}

  /** A sequence. */
  record Arr(int line, int column, List<Node> items) implements Node {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar: {@code value} is a String, a Number (Long/Double/BigInteger/BigDecimal), a Boolean,
   * or null for YAML/JSON null.
   */
  record Scalar(int line, int column, Object value) implements Node {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a text";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }
  }
}
