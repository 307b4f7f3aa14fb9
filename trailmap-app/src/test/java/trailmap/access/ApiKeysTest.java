package trailmap.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.store.Database;

class ApiKeysTest {
  @TempDir Path dir;
  Database db;
  ApiKeys keys;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    keys = new ApiKeys(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void issuesHighEntropyKeysThatAuthenticateWithTheirRole() {
    IssuedKey issued = keys.issue(Role.EDITOR, "ci");
    assertThat(issued.secret()).matches("tm_[A-Za-z0-9_-]{43}");
    assertThat(issued.key().id()).matches("key_[0-9a-f]{10}");
    assertThat(keys.authenticate(issued.secret())).contains(issued.key());
    assertThat(keys.authenticate(issued.secret() + "x")).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
    assertThat(keys.issue(Role.EDITOR, "ci").secret()).isNotEqualTo(issued.secret());
  }

  @Test
  void storesOnlyAHashOfTheSecret() throws Exception {
    IssuedKey issued = keys.issue(Role.ADMIN, "");
    db.close();
    byte[] file = Files.readAllBytes(db.file());
    byte[] wal =
        Files.exists(Path.of(db.file() + "-wal"))
            ? Files.readAllBytes(Path.of(db.file() + "-wal"))
            : new byte[0];
    String everything =
        new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)
            + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(everything)
        .doesNotContain(issued.secret())
        .contains(KeySecrets.hash(issued.secret()));
    db = Database.open(dir);
  }

  @Test
  void neverPrintsTheSecret() {
    IssuedKey issued = keys.issue(Role.ADMIN, "");
    assertThat(issued.toString()).doesNotContain(issued.secret());
  }

  @Test
  void listsKeysWithoutSecretsAndRevokesThem() {
    IssuedKey admin = keys.issue(Role.ADMIN, "a");
    IssuedKey viewer = keys.issue(Role.VIEWER, "v");
    assertThat(keys.list()).containsExactlyInAnyOrder(admin.key(), viewer.key());
    assertThat(keys.revoke(viewer.key().id())).isEqualTo(Revocation.REVOKED);
    assertThat(keys.authenticate(viewer.secret())).isEmpty();
    assertThat(keys.revoke(viewer.key().id())).isEqualTo(Revocation.NOT_FOUND);
  }

  @Test
  void refusesToRevokeTheLastAdminKey() {
    IssuedKey admin = keys.issue(Role.ADMIN, "a");
    assertThat(keys.revoke(admin.key().id())).isEqualTo(Revocation.LAST_ADMIN);
    assertThat(keys.authenticate(admin.secret())).isPresent();
    IssuedKey second = keys.issue(Role.ADMIN, "b");
    assertThat(keys.revoke(admin.key().id())).isEqualTo(Revocation.REVOKED);
    assertThat(keys.revoke(second.key().id())).isEqualTo(Revocation.LAST_ADMIN);
  }

  @Test
  void issuesAnAdminKeyOnlyOnTheFirstStart() {
    Optional<IssuedKey> first = keys.bootstrap(Optional.empty());
    assertThat(first).isPresent();
    assertThat(first.get().key().role()).isEqualTo(Role.ADMIN);
    assertThat(keys.bootstrap(Optional.empty())).isEmpty();
    assertThat(keys.list()).hasSize(1);
  }

  @Test
  void theEnvironmentKeyIsTheAdminKeyAndReplacesAnEarlierOne() {
    String firstSecret = "tm_first-environment-key-000000000";
    String secondSecret = "tm_second-environment-key-11111111";
    assertThat(keys.bootstrap(Optional.of(firstSecret))).isEmpty();
    assertThat(keys.authenticate(firstSecret).orElseThrow().role()).isEqualTo(Role.ADMIN);
    keys.bootstrap(Optional.of(secondSecret));
    assertThat(keys.authenticate(firstSecret)).isEmpty();
    assertThat(keys.authenticate(secondSecret).orElseThrow().id())
        .isEqualTo(ApiKeys.ENVIRONMENT_KEY_ID);
    assertThat(keys.list()).hasSize(1);
  }

  @Test
  void refusesAShortEnvironmentKey() {
    assertThatThrownBy(() -> keys.bootstrap(Optional.of("secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRAILMAP_ADMIN_KEY is 6 characters, under the minimum of 20");
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void rolesIncludeTheWeakerOnes() {
    assertThat(Role.ADMIN.includes(Role.EDITOR)).isTrue();
    assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
    assertThat(Role.EDITOR.includes(Role.VIEWER)).isTrue();
    assertThat(Role.EDITOR.includes(Role.ADMIN)).isFalse();
    assertThat(Role.VIEWER.includes(Role.EDITOR)).isFalse();
  }
}
