package trailmap.maps;

/** A literal value in a condition: text, number or boolean. */
public sealed interface Scalar {

  /** The value as it would be written in a map file. */
  Object raw();

  /** A text literal. */
  record Text(String value) implements Scalar {
    public Text {
      if (value == null) {
        throw new IllegalArgumentException("text value must not be null");
      }
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  /** A numeric literal; integers and decimals compare as doubles. */
  record Number(double value) implements Scalar {
    @Override
    public Object raw() {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
    }
  }

  /** A boolean literal. */
  record Bool(boolean value) implements Scalar {
    @Override
    public Object raw() {
      return value;
    }
  }
}
