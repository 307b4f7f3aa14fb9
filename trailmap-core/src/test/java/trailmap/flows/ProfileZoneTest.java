package trailmap.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.events.JsonValue;

/**
 * The one reading of a profile's {@code timezone} trait, shared by the live runtime and dry runs: a
 * zone when the trait names one, else empty (each caller has its fallback).
 */
class ProfileZoneTest {

  static Stream<Arguments> traits() {
    return Stream.of(
        row("a region", new JsonValue.Str("Europe/Amsterdam"), ZoneId.of("Europe/Amsterdam")),
        row("another region", new JsonValue.Str("America/New_York"), ZoneId.of("America/New_York")),
        row("UTC by name", new JsonValue.Str("UTC"), ZoneId.of("UTC")),
        row("an offset", new JsonValue.Str("+05:30"), ZoneOffset.ofHoursMinutes(5, 30)),
        row("a prefixed offset", new JsonValue.Str("GMT+2"), ZoneId.of("GMT+2")),
        row("an unknown region", new JsonValue.Str("Mars/Olympus_Mons"), null),
        row("a region in the wrong case", new JsonValue.Str("europe/amsterdam"), null),
        row("a region with spaces around it", new JsonValue.Str(" Europe/Amsterdam "), null),
        row("no zone at all", new JsonValue.Str("not a zone!"), null),
        row("an offset out of range", new JsonValue.Str("+19:00"), null),
        row("an empty text", new JsonValue.Str(""), null),
        row("a blank text", new JsonValue.Str("   "), null),
        // Numbers are read as their plain text, as every text trait is: -5 is the offset -05:00.
        row("a negative whole number", new JsonValue.Num(-5), ZoneOffset.ofHours(-5)),
        row("a positive whole number", new JsonValue.Num(5), null),
        row("a fraction", new JsonValue.Num(5.5), null),
        row("a boolean", new JsonValue.Bool(true), null),
        row("null", new JsonValue.Null(), null),
        row("a list", new JsonValue.Arr(List.of(new JsonValue.Str("Europe/Amsterdam"))), null),
        row(
            "an object",
            new JsonValue.Obj(Map.of("name", new JsonValue.Str("Europe/Amsterdam"))),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traits")
  void readsTheTimezoneTraitAsAZoneOrNothing(String what, JsonValue trait, ZoneId expected) {
    JsonValue.Obj traits = new JsonValue.Obj(Map.of("timezone", trait));

    assertThat(ProfileZone.of(traits)).as(what).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aProfileWithoutTheTraitHasNoZone() {
    assertThat(ProfileZone.of(JsonValue.Obj.EMPTY)).isEmpty();
    assertThat(
            ProfileZone.of(
                new JsonValue.Obj(Map.of("timeZone", new JsonValue.Str("Europe/Amsterdam")))))
        .as("the trait's name is exact")
        .isEmpty();
  }

  private static Arguments row(String what, JsonValue trait, ZoneId expected) {
    return Arguments.of(what, trait, expected);
  }
}
