package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.runtime.FlowStatus;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowSummary;

/** The example flows {@code trailmap demo} publishes, against examples/ in the repository. */
class DemoFlowsTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  @Test
  void aDocumentWithoutATopLevelEntryBlockIsRefusedByName() {
    assertThatThrownBy(
            () -> DemoFlows.acceptingHistory("flows/x.yaml", "id: x\ntrigger: {api: true}\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the example flow flows/x.yaml has no top-level entry: block");
  }

  @Test
  void everyExampleFlowFileIsPublishedByTheDemo() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve("flows"))) {
      List<String> ids =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
      assertThat(DemoFlows.FLOWS).containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  @Test
  void theDemoPublishesEachExampleWithTheTemplatesItNamesOnceOnly() throws IOException {
    List<String> published = DemoFlows.publishOnFreshData(dir, Clock.systemUTC());
    assertThat(published).isEqualTo(DemoFlows.FLOWS);
    try (FlowStore store = FlowStore.open(dir, Clock.systemUTC())) {
      assertThat(store.list())
          .extracting(FlowSummary::id)
          .containsExactlyInAnyOrderElementsOf(DemoFlows.FLOWS);
      assertThat(store.list()).allMatch(f -> f.status() == FlowStatus.PUBLISHED);
      for (String id : DemoFlows.FLOWS) {
        for (String template : DemoFlows.templates(store.load(id, 1))) {
          String body = Files.readString(EXAMPLES.resolve("templates").resolve(template + ".html"));
          assertThat(store.template(template)).as(template).hasValue(body);
          assertThat(body)
              .as(template + " has the unsubscribe link")
              .contains("{{unsubscribeUrl}}");
        }
      }
      assertThat(DemoFlows.templates(store.load("welcome", 1)))
          .containsExactly("welcome", "onboarding-tips");
      // The demo's history is months old: its flows take triggers of any age, where a flow's
      // default keeps out events more than a day old.
      for (String id : DemoFlows.FLOWS) {
        assertThat(store.load(id, 1).entry().maxTriggerAge()).as(id).isEmpty();
        assertThat(store.document(id, 1).orElseThrow())
            .contains("maxTriggerAge: none  # trailmap demo");
      }
    }
    // A second start finds the flows there and leaves them alone, edited or not.
    assertThat(DemoFlows.publishOnFreshData(dir, Clock.systemUTC())).isEmpty();
    try (FlowStore store = FlowStore.open(dir, Clock.systemUTC())) {
      assertThat(store.versions("welcome")).hasSize(1);
    }
  }
}
