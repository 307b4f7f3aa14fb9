package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowStoreTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

  @Test
  void aFlowGoesFromDraftToPublishedToPausedAndBackThenToArchived() {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      DraftResult first = store.createDraft("welcome.yaml", FlowDocuments.WELCOME);
      assertThat(first).isInstanceOf(DraftResult.Created.class);
      assertThat(((DraftResult.Created) first).version().version()).isEqualTo(1);
      assertThat(store.flow("welcome").orElseThrow().status()).isEqualTo(FlowStatus.DRAFT);
      assertThat(store.flow("welcome").orElseThrow().currentVersion()).isEmpty();

      store.publish("welcome", 1, false);
      FlowSummary published = store.flow("welcome").orElseThrow();
      assertThat(published.status()).isEqualTo(FlowStatus.PUBLISHED);
      assertThat(published.currentVersion()).contains(1);

      DraftResult second = store.createDraft("welcome.yaml", FlowDocuments.WELCOME);
      assertThat(((DraftResult.Created) second).version().version()).isEqualTo(2);
      assertThat(store.flow("welcome").orElseThrow().latestVersion()).isEqualTo(2);
      assertThat(store.load("welcome", 2).version()).isEqualTo(2);
      assertThat(store.versions("welcome")).hasSize(2);
      assertThat(store.versions("welcome").get(1).publishedAt()).isEmpty();

      store.pause("welcome");
      assertThat(store.flow("welcome").orElseThrow().status()).isEqualTo(FlowStatus.PAUSED);
      store.publish("welcome", 2, true);
      assertThat(store.flow("welcome").orElseThrow().currentVersion()).contains(2);
      store.archive("welcome");
      assertThat(store.list()).extracting(FlowSummary::status).containsExactly(FlowStatus.ARCHIVED);
      assertThatThrownBy(() -> store.publish("welcome", 2, false)).hasMessageContaining("archived");
      assertThatThrownBy(() -> store.pause("welcome")).hasMessageContaining("is archived");
    }
  }

  @Test
  void anInvalidDocumentIsNotStoredAndEveryProblemHasALine() {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      DraftResult result = store.createDraft("bad.yaml", "id: x\nname: X\nsteps: []\n");
      assertThat(result).isInstanceOf(DraftResult.Invalid.class);
      assertThat(((DraftResult.Invalid) result).problems()).isNotEmpty();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void theStoreKeepsItsSecretsAndPositionAcrossReopens() {
    String secret;
    try (FlowStore store = FlowStore.open(dir, clock)) {
      secret = store.webhookSecret();
      assertThat(store.position()).isZero();
    }
    try (FlowStore store = FlowStore.open(dir, clock)) {
      assertThat(store.webhookSecret()).isEqualTo(secret).hasSize(64);
    }
  }
}
