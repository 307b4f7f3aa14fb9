package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PathsChartTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ArrayNode edges(Object[]... rows) {
    ArrayNode out = JSON.createArrayNode();
    for (Object[] r : rows) {
      out.addObject()
          .put("step", (int) r[0])
          .put("from", (String) r[1])
          .put("to", (String) r[2])
          .put("count", (long) (int) r[3]);
    }
    return out;
  }

  @Test
  void aNodeIsTheLargerOfWhatArrivesAndWhatLeavesAndEverythingIsToOneScale() {
    JsonNode edges =
        edges(
            new Object[] {0, "ad", "pricing", 60},
            new Object[] {0, "ad", "trial", 20},
            new Object[] {1, "pricing", "trial", 30});
    PathsChart.Layout layout = PathsChart.layout(edges);

    assertThat(layout.nodes())
        .extracting(n -> n.step() + ":" + n.id() + "=" + n.profiles())
        .containsExactly("0:ad=80", "1:pricing=60", "1:trial=20", "2:trial=30");
    for (PathsChart.Node n : layout.nodes()) {
      assertThat(n.height())
          .isCloseTo(n.profiles() * layout.scale(), org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(layout.bands())
        .allSatisfy(b -> assertThat(b.width()).isEqualTo(b.profiles() * layout.scale()));
    assertThat(layout.movesLeftOut()).isZero();
    // The tallest column (80 profiles over two nodes and a gap) fills the plot's 400 px.
    assertThat(80 * layout.scale() + 12).isCloseTo(400, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void onlyTheBiggestNodesOfAStepAreDrawnAndTheOtherMovesAreCounted() {
    Object[][] rows = new Object[10][];
    for (int i = 0; i < 10; i++) {
      rows[i] = new Object[] {0, "start", "n" + i, 100 - i};
    }
    PathsChart.Layout layout = PathsChart.layout(edges(rows));

    assertThat(layout.nodes().stream().filter(n -> n.step() == 1))
        .hasSize(PathsChart.NODES_PER_STEP)
        .extracting(PathsChart.Node::id)
        .containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
    assertThat(layout.movesLeftOut()).isEqualTo(93 + 92 + 91);
    assertThat(PathsChart.sankey(edges(rows), Function.identity()))
        .contains("276 moves between smaller nodes");
  }

  @Test
  void labelsAndIdsAreEscapedAndNamesComeFromTheMap() {
    JsonNode edges = edges(new Object[] {0, "a<b", "c\"d", 5});
    String svg = PathsChart.sankey(edges, id -> id.equals("a<b") ? "Ad <click>" : id);

    assertThat(svg)
        .contains("data-node=\"a&lt;b\"", "data-to=\"c&quot;d\"", "Ad &lt;click&gt; · 5")
        .doesNotContain("<click>", "a<b");
  }

  @Test
  void noEdgesSaysSoInsteadOfAnEmptyDrawing() {
    assertThat(PathsChart.sankey(JSON.createArrayNode(), Function.identity()))
        .isEqualTo("<p class=\"summary\">No profile went from one node to another here.</p>");
  }
}
