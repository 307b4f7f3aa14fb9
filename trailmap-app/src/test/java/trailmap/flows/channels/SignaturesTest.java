package trailmap.flows.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 as RFC 4231 defines it, with each thread's Mac reused across signatures. */
class SignaturesTest {
  /** RFC 4231, test case 2. */
  private static final String JEFE =
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  @Test
  void signsAsRfc4231SaysAlsoWhenTheSecretChangesBetweenCalls() {
    String data = "what do ya want for nothing?";
    assertThat(Signatures.hmac("Jefe", data)).isEqualTo(JEFE);
    String other = Signatures.hmac("another secret", data);
    assertThat(other).isNotEqualTo(JEFE).hasSize(64);
    assertThat(Signatures.hmac("Jefe", data))
        .as("keyed again, not left on the last")
        .isEqualTo(JEFE);
    assertThat(Signatures.hmac("another secret", data)).isEqualTo(other);
    assertThat(Signatures.hmac("Jefe", data)).as("reset after each signature").isEqualTo(JEFE);
  }

  @Test
  void threadsSigningAtOnceEachGetTheRightSignature() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String secret = t % 2 == 0 ? "Jefe" : "s" + t;
        String expected = Signatures.hmac(secret, "what do ya want for nothing?");
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    if (!Signatures.hmac(secret, "what do ya want for nothing?").equals(expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEmptySecretIsRefusedAndLeavesTheNextSignatureRight() {
    assertThat(Signatures.hmac("Jefe", "x")).hasSize(64);
    assertThatThrownBy(() -> Signatures.hmac("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Signatures.hmac("Jefe", "what do ya want for nothing?")).isEqualTo(JEFE);
  }
}
