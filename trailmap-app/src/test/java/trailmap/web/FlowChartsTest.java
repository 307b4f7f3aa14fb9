package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The flow page's charts and its conversion sentence, from stats answers written out here. */
class FlowChartsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  /** The width of the bar of {@code series} in the chart's group of {@code step}. */
  static int width(String svg, String step, String series) {
    int group = svg.indexOf("data-step=\"" + step + "\"");
    Matcher m =
        Pattern.compile("class=\"bar bar-" + series + "\" x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"")
            .matcher(svg);
    assertThat(m.find(group)).as(step + " " + series).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void barsShareOneScaleSoTheGreatestValueIsTheFullWidth() throws Exception {
    String svg =
        FlowCharts.steps(
            json(
                "[{'id':'a','waiting':0,'sent':400,'suppressed':{}},"
                    + "{'id':'b','waiting':100,'sent':0,'suppressed':{'consent':30,'frequency_cap':20}}]"));
    assertThat(width(svg, "a", "sent")).isEqualTo(460);
    assertThat(width(svg, "a", "waiting")).isZero();
    assertThat(width(svg, "b", "waiting")).isEqualTo(115);
    // Suppressions are drawn as one bar, their causes summed.
    assertThat(width(svg, "b", "suppressed")).isEqualTo(58);
    assertThat(svg).contains("b · sends suppressed: 50</title>");
  }

  @Test
  void aValueTooSmallToSeeStillGetsABarAndEveryBarItsNumber() throws Exception {
    String svg = FlowCharts.steps(json("[{'id':'a','waiting':1000000,'sent':1,'suppressed':{}}]"));
    assertThat(width(svg, "a", "sent")).isEqualTo(1);
    assertThat(svg).contains(">1,000,000</text>").contains(">1</text>");
  }

  @Test
  void stepIdsAreEscapedAndLongOnesShortenedWithTheWholeIdInTheTooltip() throws Exception {
    String id = "<b>a-very-long-step-id-that-goes-on-and-on";
    String svg =
        FlowCharts.steps(
            JSON.createArrayNode().add(JSON.createObjectNode().put("id", id).put("sent", 2)));
    assertThat(svg).doesNotContain("<b>").contains("<title>&lt;b&gt;a-very-long-step-id");
    assertThat(svg).contains(">&lt;b&gt;a-very-long-step-id-th…</text>");
  }

  @Test
  void conversionBarsAreRatesOnAHundredPercentScale() throws Exception {
    String svg =
        FlowCharts.conversion(
            json(
                "{'treatment':{'profiles':200,'converted':50,'rate':0.25},"
                    + "'holdout':{'profiles':0,'converted':0,'rate':null}}"));
    assertThat(svg).contains("width=\"115\" height=\"18\"").contains("25.0 % (50 of 200)");
    assertThat(svg).contains("width=\"0\" height=\"18\"").contains("no profiles yet");
  }

  @Test
  void theVerdictGivesBothRatesTheIntervalInPointsAndTheTestsAnswer() throws Exception {
    JsonNode significant =
        json(
            "{'treatment':{'profiles':150,'converted':45,'rate':0.3},"
                + "'holdout':{'profiles':150,'converted':30,'rate':0.2},"
                + "'difference':{'estimate':0.1,'low':0.004,'high':0.194,'level':0.95,"
                + "'method':'newcombe-hybrid-score','test':'two-proportion-z','pValue':0.0412,"
                + "'significant':true}}");
    assertThat(FlowPage.verdict(significant))
        .isEqualTo(
            "Converted: 30.0 % (45 of 150) outside the holdout against 20.0 % (30 of 150) inside"
                + " it, a difference of +10.0 points (95 % interval +0.4 points to +19.4 points,"
                + " Newcombe's hybrid score; two-proportion z-test, p = 0.0412): significant at"
                + " the 5 % level.");
    JsonNode notYet =
        json(
            "{'difference':{'estimate':null,'note':'no profile is in the holdout yet; give the"
                + " flow a holdout share'}}");
    assertThat(FlowPage.verdict(notYet))
        .isEqualTo(
            "Nothing to compare yet: no profile is in the holdout yet; give the flow a holdout"
                + " share.");
    JsonNode unclear =
        json(
            "{'treatment':{'profiles':10,'converted':3,'rate':0.3},"
                + "'holdout':{'profiles':10,'converted':2,'rate':0.2},"
                + "'difference':{'estimate':0.1,'low':-0.28,'high':0.46,'method':'x',"
                + "'test':'fisher-exact','pValue':1.0,'significant':false}}");
    assertThat(FlowPage.verdict(unclear))
        .contains("x; Fisher's exact test, p = 1.00")
        .endsWith("not significant at the 5 % level; more profiles may tell.");
  }
}
