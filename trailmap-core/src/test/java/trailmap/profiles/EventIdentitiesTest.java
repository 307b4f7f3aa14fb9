package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class EventIdentitiesTest {
  static final IdentityRules TRUSTING_CRM =
      IdentityRules.defaults().withTrustedSources(Set.of("crm"));

  @Test
  void takesUserIdAndAnonymousId() {
    assertThat(EventIdentities.of(event(EventType.TRACK, "u-1", "a-1", "", "web"), TRUSTING_CRM))
        .containsExactly(
            new Identity(IdentityType.USER_ID, "u-1"),
            new Identity(IdentityType.ANONYMOUS_ID, "a-1"));
  }

  @Test
  void takesAnAliasPreviousIdUnderBothIdTypes() {
    Event alias = event(EventType.ALIAS, "u-1", "", "old-7", "web");
    assertThat(EventIdentities.of(alias, TRUSTING_CRM))
        .containsExactly(
            new Identity(IdentityType.USER_ID, "old-7"),
            new Identity(IdentityType.USER_ID, "u-1"),
            new Identity(IdentityType.ANONYMOUS_ID, "old-7"));
  }

  @Test
  void takesEmailAndPhoneOnlyFromATrustedSource() {
    Event fromCrm = withTraits(event(EventType.IDENTIFY, "u-1", "", "", "crm"));
    Event fromWeb = withTraits(event(EventType.IDENTIFY, "u-1", "", "", "web"));
    assertThat(EventIdentities.of(fromCrm, TRUSTING_CRM))
        .contains(
            new Identity(IdentityType.EMAIL, "ann@example.com"),
            new Identity(IdentityType.PHONE, "+44 20 7946 0000"));
    assertThat(EventIdentities.of(fromWeb, TRUSTING_CRM))
        .containsExactly(new Identity(IdentityType.USER_ID, "u-1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "undefined", "anonymous", "0", "00000000", " ", "NULL", "-1"})
  void junkValuesAreNotIdentities(String junk) {
    Event e = event(EventType.ALIAS, junk, junk, junk, "crm");
    assertThat(EventIdentities.of(e, TRUSTING_CRM)).isEmpty();
  }

  static Event withTraits(Event e) {
    JsonValue.Obj traits =
        new JsonValue.Obj(
            Map.of(
                "email", new JsonValue.Str(" Ann@Example.com"),
                "phone", new JsonValue.Str("+44 20 7946 0000")));
    return new Event(
        e.messageId(),
        e.type(),
        e.name(),
        e.userId(),
        e.anonymousId(),
        e.previousId(),
        e.groupId(),
        e.properties(),
        traits,
        e.context(),
        e.timestamp(),
        e.receivedAt(),
        e.channel(),
        e.source());
  }

  static Event event(
      EventType type, String userId, String anonymousId, String previousId, String source) {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    return new Event(
        "m-1",
        type,
        Optional.empty(),
        Optional.of(userId),
        anonymousId.isEmpty() ? Optional.empty() : Optional.of(anonymousId),
        previousId.isEmpty() ? Optional.empty() : Optional.of(previousId),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        JsonValue.Obj.EMPTY,
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        source);
  }
}
