package trailmap.maps.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import trailmap.maps.EventType;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Operator;
import trailmap.maps.Scalar;
import trailmap.maps.Severity;

class MapReaderTest {

  static final String SMALL =
      """
      id: shop
      name: Shop journey
      state: current
      owner: CX team
      reviewBy: 2027-01-31
      personas:
        - id: sam
          name: Sam
          goals: [Buy quickly]
      stages:
        - id: buy
          name: Buy
          kpis:
            - name: Checkout conversion
              target: 60
              current: 41
              unit: "%"
          touchpoints:
            - id: cart
              name: Cart
              channel: web
              match:
                event: Cart Viewed
                type: track
                where:
                  currency: EUR
                  total: {gte: 20}
                  plan: {in: [pro, team]}
                  coupon: {exists: true}
              actions: [Reviews the cart]
              emotion: {score: -1, label: unsure}
              painPoints:
                - text: Shipping cost shows up late
                  severity: high
                  backstage: [Pricing team]
                  hypothesis:
                    claim: At least 30% leave at the cart
                    metric: drop-off
                    to: paid
                    atLeast: 0.3
            - id: paid
              name: Payment
              channel: web
              match: {event: Order Completed}
      """;

  @Test
  void readsEveryPartOfAValidMap() {
    MapReadResult result = MapReader.read("shop.yaml", SMALL);

    assertThat(result.problems()).isEmpty();
    JourneyMap map = result.map().orElseThrow();
    assertThat(map.state()).isEqualTo(MapState.CURRENT);
    assertThat(map.reviewBy()).contains(LocalDate.of(2027, 1, 31));
    var stage = map.stage("buy").orElseThrow();
    assertThat(stage.kpis().getFirst().id()).isEqualTo("checkout-conversion");
    assertThat(stage.kpis().getFirst().current()).contains(41.0);
    var cart = map.touchpoint("cart").orElseThrow();
    var matcher = cart.matcher().orElseThrow();
    assertThat(matcher.type()).contains(EventType.TRACK);
    assertThat(matcher.where())
        .extracting(c -> c.property() + " " + c.operator() + " " + c.operands())
        .containsExactly(
            "currency EQ [Text[value=EUR]]",
            "total GTE [Number[value=20.0]]",
            "plan IN [Text[value=pro], Text[value=team]]",
            "coupon EXISTS []");
    assertThat(cart.emotionFor("sam").orElseThrow().score()).isEqualTo(-1);
    var pain = cart.painPoints().getFirst();
    assertThat(pain.severity()).isEqualTo(Severity.HIGH);
    assertThat(pain.hypothesis().orElseThrow().metric()).isEqualTo(HypothesisMetric.DROP_OFF);
    assertThat(pain.hypothesis().orElseThrow().atLeast()).contains(0.3);
    assertThat(matcher.where().get(1).operator()).isEqualTo(Operator.GTE);
    assertThat(matcher.where().get(1).operands()).containsExactly(new Scalar.Number(20));
  }

  @Test
  void readsJsonToTheSameMapAsYaml() {
    JourneyMap fromYaml = MapReader.read("shop.yaml", SMALL).map().orElseThrow();
    String json = MapWriter.toJson(fromYaml);

    MapReadResult fromJson = MapReader.read("shop.json", json);

    assertThat(fromJson.problems()).isEmpty();
    assertThat(fromJson.map()).contains(fromYaml);
  }

  @Test
  void readsTheCompleteExampleInTheFormatDocs() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "map-format.md"));
    Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find()).as("docs/map-format.md has a ```yaml example").isTrue();

    MapReadResult result = MapReader.read("map-format.md", block.group(1));

    assertThat(result.problems()).isEmpty();
    assertThat(result.map().orElseThrow().state()).isEqualTo(MapState.FUTURE);
  }

  @Test
  void reportsEveryProblemOfAFileInOneRunInFileOrder() {
    String broken =
        SMALL
            .replaceFirst("channel: web", "chanel: web")
            .replace("score: -1", "score: 5")
            .replace("to: paid", "to: payed");

    MapReadResult result = MapReader.read("shop.yaml", broken);

    assertThat(result.map()).isEmpty();
    assertThat(result.problems())
        .extracting(MapProblem::toString)
        .containsExactly(
            "shop.yaml:19:9: touchpoint 'cart' is missing required field 'channel'",
            "shop.yaml:21:9: unknown field 'chanel' in touchpoint 'cart' (did you mean 'channel'?)",
            "shop.yaml:31:26: emotion score must be between -2 and 2, was 5",
            "shop.yaml:39:19: hypothesis refers to touchpoint 'payed', which is not on this map (did you mean 'paid'?)");
  }
}
