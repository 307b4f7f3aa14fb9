package trailmap.maps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Comparison operators of a {@link PropertyCondition}. */
public enum Operator {
  EQ(1),
  NE(1),
  GT(1),
  GTE(1),
  LT(1),
  LTE(1),
  /** The property equals one of several values. */
  IN(-1),
  /** The property (a string or list) contains the value. */
  CONTAINS(1),
  /** The property is present (operand: none). */
  EXISTS(0);

  private final int arity;

  Operator(int arity) {
    this.arity = arity;
  }

  /** The number of operands, or -1 for "one or more". */
  public int arity() {
    return arity;
  }

  /** The name used in map files, e.g. {@code gte}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operator with this file name, if any. */
  public static Optional<Operator> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst();
  }
}
