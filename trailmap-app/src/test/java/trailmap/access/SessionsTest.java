package trailmap.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.store.Database;

class SessionsTest {
  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path dir;
  Database db;
  ApiKeys keys;
  ManualClock clock = new ManualClock();
  Sessions sessions;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    keys = new ApiKeys(db, clock);
    sessions = new Sessions(keys, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void oneKeySigningInAgainAndAgainKeepsOnlyItsNewestSessions() {
    IssuedKey key = keys.issue(Role.VIEWER, "");
    Session first = sessions.signIn(key.secret()).orElseThrow();
    Session last = first;
    for (int i = 0; i < Sessions.MAX_SESSIONS_PER_KEY + 5; i++) {
      clock.now = clock.now.plusSeconds(1);
      last = sessions.signIn(key.secret()).orElseThrow();
    }

    assertThat(sessions.find(first.id())).isEmpty();
    assertThat(sessions.find(last.id())).isPresent();
    IssuedKey other = keys.issue(Role.VIEWER, "");
    assertThat(sessions.signIn(other.secret())).isPresent();
  }

  @Test
  void signsInWithAValidKeyUnderARandomSessionId() {
    IssuedKey key = keys.issue(Role.VIEWER, "");
    Session session = sessions.signIn(key.secret()).orElseThrow();
    assertThat(session.role()).isEqualTo(Role.VIEWER);
    assertThat(session.keyId()).isEqualTo(key.key().id());
    assertThat(session.id()).hasSizeGreaterThanOrEqualTo(43).doesNotContain(key.secret());
    assertThat(sessions.find(session.id())).contains(session);
    assertThat(sessions.signIn(key.secret()).orElseThrow().id()).isNotEqualTo(session.id());
  }

  @Test
  void refusesAWrongKey() {
    assertThat(sessions.signIn("tm_wrong")).isEmpty();
    assertThat(sessions.signIn("")).isEmpty();
  }

  @Test
  void aSessionEndsWhenItsKeyIsRevoked() {
    keys.issue(Role.ADMIN, "keeps an admin");
    IssuedKey key = keys.issue(Role.ADMIN, "");
    Session session = sessions.signIn(key.secret()).orElseThrow();
    keys.revoke(key.key().id());
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void aSessionExpiresAfterItsLifetimeAndOnSignOut() {
    IssuedKey key = keys.issue(Role.VIEWER, "");
    Session session = sessions.signIn(key.secret()).orElseThrow();
    clock.now = clock.now.plus(Sessions.LIFETIME).minus(Duration.ofSeconds(1));
    assertThat(sessions.find(session.id())).isPresent();
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThat(sessions.find(session.id())).isEmpty();

    Session other = sessions.signIn(key.secret()).orElseThrow();
    sessions.signOut(other.id());
    assertThat(sessions.find(other.id())).isEmpty();
  }
}
