package trailmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

class ConditionsTest {
  private static final JsonValue.Obj PROPS = props();

  private static JsonValue.Obj props() {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("path", new JsonValue.Str("/pricing"));
    fields.put("amount", new JsonValue.Num(120));
    fields.put("trial", new JsonValue.Bool(true));
    fields.put("tags", new JsonValue.Arr(List.of(new JsonValue.Str("vip"))));
    fields.put("none", new JsonValue.Null());
    fields.put("product", new JsonValue.Obj(Map.of("sku", new JsonValue.Str("A-1"))));
    return new JsonValue.Obj(fields);
  }

  private static boolean holds(String property, Operator op, Scalar... operands) {
    return Conditions.holds(new PropertyCondition(property, op, List.of(operands)), PROPS);
  }

  @Test
  void equalityComparesLikeWithLikeAndReachesIntoNestedObjects() {
    assertThat(holds("path", Operator.EQ, new Scalar.Text("/pricing"))).isTrue();
    assertThat(holds("amount", Operator.EQ, new Scalar.Number(120))).isTrue();
    assertThat(holds("amount", Operator.EQ, new Scalar.Text("120"))).isFalse();
    assertThat(holds("trial", Operator.EQ, new Scalar.Bool(true))).isTrue();
    assertThat(holds("product.sku", Operator.EQ, new Scalar.Text("A-1"))).isTrue();
  }

  @Test
  void notEqualHoldsForAbsentPropertiesAndInMatchesAnyOperand() {
    assertThat(holds("missing", Operator.NE, new Scalar.Text("x"))).isTrue();
    assertThat(holds("path", Operator.NE, new Scalar.Text("/pricing"))).isFalse();
    assertThat(holds("path", Operator.IN, new Scalar.Text("/a"), new Scalar.Text("/pricing")))
        .isTrue();
  }

  @Test
  void orderingComparesNumbersAndStringsButNeverAcrossTypes() {
    assertThat(holds("amount", Operator.GT, new Scalar.Number(100))).isTrue();
    assertThat(holds("amount", Operator.LTE, new Scalar.Number(120))).isTrue();
    assertThat(holds("amount", Operator.LT, new Scalar.Text("zzz"))).isFalse();
    assertThat(holds("amount", Operator.GTE, new Scalar.Text("0"))).isFalse();
    assertThat(holds("path", Operator.GT, new Scalar.Text("/a"))).isTrue();
  }

  @Test
  void containsFindsTextAndListElementsAndExistsIgnoresNull() {
    assertThat(holds("path", Operator.CONTAINS, new Scalar.Text("pric"))).isTrue();
    assertThat(holds("tags", Operator.CONTAINS, new Scalar.Text("vip"))).isTrue();
    assertThat(holds("tags", Operator.CONTAINS, new Scalar.Text("new"))).isFalse();
    assertThat(holds("none", Operator.EXISTS)).isFalse();
    assertThat(holds("path", Operator.EXISTS)).isTrue();
    assertThat(holds("missing", Operator.EXISTS)).isFalse();
  }
}
