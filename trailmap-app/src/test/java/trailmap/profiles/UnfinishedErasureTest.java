package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.TestServer;

/**
 * An erasure that failed after profiles.db (flows.db was locked by another process, a real SQLite
 * write lock, so its erasure timed out) is finished by a retry of the same {@code DELETE}, which
 * answers 204 rather than 404, and by the next start of the server; the pending record it leaves in
 * profiles.db names only ids.
 */
class UnfinishedErasureTest {
  @TempDir Path dir;

  private static final String ANN =
      "{\"type\":\"identify\",\"messageId\":\"ann-1\",\"userId\":\"u-ann\","
          + "\"anonymousId\":\"anon-ann\","
          + "\"traits\":{\"email\":\"ann@example.com\",\"name\":\"Ann Example\"}}";
  private static final String BOB =
      "{\"type\":\"identify\",\"messageId\":\"bob-1\",\"userId\":\"u-bob\","
          + "\"traits\":{\"email\":\"bob@example.com\"}}";

  @Test
  void aRetryOfTheDeleteFinishesTheErasureAndAnswersSuccess() throws Exception {
    try (TestServer server = TestServer.start(dir)) {
      People people = seed(server);

      Connection lock = writeLock(server.server().flows().file());
      HttpResponse<String> failed;
      try {
        failed = delete(server, "userId:u-ann");
      } finally {
        lock.close();
      }
      assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
      assertThat(failed.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(failed.body())
          .contains("erasure-unfinished")
          .contains("finishes when this DELETE is retried")
          .doesNotContain("u-ann")
          .doesNotContain(people.ann().value());
      assertThat(consentRows(server, people.ann())).as("left in flows.db by the failure").isOne();
      assertThat(profileStatus(server, "userId:u-ann")).isEqualTo(404);
      assertPendingHoldsNoValues(server);

      HttpResponse<String> retried = delete(server, "userId:u-ann");

      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
      assertThat(consentRows(server, people.ann())).isZero();
      assertThat(consentRows(server, people.bob())).as("another person's rows").isOne();
      assertThat(server.server().profiles().pendingErasures()).isEmpty();
      assertThat(
              server.server().profiles().rowsMentioning("pending_erasures", people.ann().value()))
          .isZero();
      assertThat(delete(server, "userId:u-ann").statusCode())
          .as("once finished, the person is unknown")
          .isEqualTo(404);
    }
  }

  @Test
  void theNextStartFinishesAnErasureThatFailedHalfWay() throws Exception {
    People people;
    try (TestServer server = TestServer.start(dir)) {
      people = seed(server);
      Connection lock = writeLock(server.server().flows().file());
      try {
        assertThat(delete(server, "anonymousId:anon-ann").statusCode()).isEqualTo(503);
      } finally {
        lock.close();
      }
      assertThat(consentRows(server, people.ann())).isOne();
    }

    try (TestServer restarted = TestServer.start(dir)) {
      assertThat(consentRows(restarted, people.ann())).as("finished at start").isZero();
      assertThat(consentRows(restarted, people.bob())).isOne();
      assertThat(restarted.server().profiles().pendingErasures()).isEmpty();
      assertThat(profileStatus(restarted, "userId:u-bob")).isEqualTo(200);
      assertThat(delete(restarted, "userId:u-ann").statusCode()).isEqualTo(404);
    }
  }

  record People(ProfileId ann, ProfileId bob) {}

  /** Ann and Bob as profiles, each with a consent row in flows.db. */
  private People seed(TestServer server) throws InterruptedException {
    String writeKey = server.server().sources().create("web", "web").writeKey();
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> posted =
        server.send(
            server
                .request("/v1/batch")
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + ANN + "," + BOB + "]}"))
                .build());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (profileStatus(server, "userId:u-ann") != 200
        || profileStatus(server, "userId:u-bob") != 200) {
      assertThat(System.nanoTime()).as("profiles appear").isLessThan(deadline);
      Thread.sleep(20);
    }
    ProfileStore profiles = server.server().profiles();
    People people =
        new People(
            profiles.resolve(ProfileRef.parse("userId:u-ann")).orElseThrow(),
            profiles.resolve(ProfileRef.parse("userId:u-bob")).orElseThrow());
    server.server().flows().unsubscribe(people.ann().value(), "topic", "news", "test");
    server.server().flows().unsubscribe(people.bob().value(), "topic", "news", "test");
    return people;
  }

  /** The pending record names the profile by id only: no identity value, no trait. */
  private static void assertPendingHoldsNoValues(TestServer server) {
    ProfileStore profiles = server.server().profiles();
    assertThat(profiles.pendingErasures()).hasSize(1);
    for (String table : java.util.List.of("pending_erasures", "pending_erasure_refs")) {
      for (String value : java.util.List.of("u-ann", "anon-ann", "ann@example.com", "Ann")) {
        assertThat(profiles.rowsMentioning(table, value)).as(table + " " + value).isZero();
      }
    }
  }

  /** Holds flows.db's write lock from a second connection, as another process could. */
  private static Connection writeLock(Path flowsDb) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + flowsDb);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("BEGIN IMMEDIATE");
    }
    return c;
  }

  private static long consentRows(TestServer server, ProfileId id) throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + server.server().flows().file());
        var q = c.prepareStatement("SELECT count(*) FROM consent WHERE profile_id = ?")) {
      q.setString(1, id.value());
      try (var r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static HttpResponse<String> delete(TestServer server, String ref) {
    return server.send("DELETE", "/api/profiles/" + ref, TestServer.ADMIN_KEY, "", "");
  }

  private static int profileStatus(TestServer server, String ref) {
    return server.get("/api/profiles/" + ref, server.key(Role.VIEWER)).statusCode();
  }
}
