package trailmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class EventTableBuilderTest {
  private static final JsonValue.Obj NONE = JsonValue.Obj.EMPTY;

  @Test
  void groupsEventsByProfileInFirstSeenOrderAndSortsEachByTimeKeepingArrivalOrderOnTies() {
    EventTableBuilder builder = new EventTableBuilder();
    builder.add("b", 30, "Third", EventType.TRACK, "web", "s1", NONE);
    builder.add("a", 20, "Second", EventType.TRACK, "web", "s1", NONE);
    builder.add("b", 10, "First", EventType.PAGE, "app", "s2", NONE);
    builder.add("a", 20, "Tie", EventType.TRACK, "email", "s1", NONE);
    builder.add("a", 5, "Early", EventType.TRACK, "web", "s1", NONE);
    EventTable table = builder.build();

    assertThat(table.profiles()).isEqualTo(2);
    assertThat(table.profileId(0)).isEqualTo("b");
    assertThat(names(table, 0)).containsExactly("First", "Third");
    assertThat(names(table, 1)).containsExactly("Early", "Second", "Tie");
    assertThat(table.type(table.profileStart(0))).isEqualTo(EventType.PAGE);
    assertThat(table.channels().text(table.channel(table.profileStart(0)))).isEqualTo("app");
  }

  @Test
  void leavesOutProfilesThatOnlyHaveTraitsAndKeepsTraitsOfTheOthers() {
    JsonValue.Obj plan = new JsonValue.Obj(Map.of("plan", new JsonValue.Str("pro")));
    EventTable table =
        new EventTableBuilder()
            .traits("ghost", plan)
            .traits("a", plan)
            .add("a", 1, "Signed Up", EventType.TRACK, "web", "s", NONE)
            .build();

    assertThat(table.profiles()).isEqualTo(1);
    assertThat(table.profileId(0)).isEqualTo("a");
    assertThat(table.traits(0)).isEqualTo(plan);
    assertThat(table.names().lookup("Missing")).isEqualTo(Dictionary.ABSENT);
  }

  @Test
  void selectKeepsAcceptedEventsInOrderAndDropsProfilesLeftEmpty() {
    JsonValue.Obj plan = new JsonValue.Obj(Map.of("plan", new JsonValue.Str("pro")));
    EventTable table =
        new EventTableBuilder()
            .add("a", 1, "One", EventType.TRACK, "web", "s", NONE)
            .add("a", 2, "Two", EventType.TRACK, "email", "s", NONE)
            .add("a", 3, "Three", EventType.TRACK, "web", "s", NONE)
            .add("b", 1, "One", EventType.TRACK, "email", "s", NONE)
            .add("c", 1, "One", EventType.TRACK, "web", "s", NONE)
            .traits("a", plan)
            .build();
    int web = table.channels().lookup("web");

    EventTable selected =
        table.select(e -> table.channel(e) == web, p -> !table.profileId(p).equals("c"));

    assertThat(selected.profiles()).as("b has no web event, c is filtered out").isEqualTo(1);
    assertThat(selected.profileId(0)).isEqualTo("a");
    assertThat(names(selected, 0)).containsExactly("One", "Three");
    assertThat(selected.traits(0)).isEqualTo(plan);
    assertThat(selected.micros(1)).isEqualTo(3);
    assertThat(selected.names()).isSameAs(table.names());
  }

  private static java.util.List<String> names(EventTable table, int profile) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int e = table.profileStart(profile); e < table.profileEnd(profile); e++) {
      names.add(table.names().text(table.name(e)));
    }
    return names;
  }
}
