package trailmap.maps.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.maps.format.MapReader;

/**
 * The schema as a gate: a small valid map, then one defect at a time. Each row names the defect,
 * the edit ({@code set POINTER = YAML} or {@code remove POINTER}) and where the schema must
 * complain, so a row cannot pass by failing for an unrelated reason.
 */
class BrokenMapsTest {
  static final String VALID_CURRENT =
      """
      id: shop-current
      name: Shop — current state
      state: current
      personas:
        - id: alex
          name: Alex
      stages:
        - id: awareness
          name: Awareness
          kpis:
            - id: ad-ctr
              name: Ad click-through
              target: 1.2
              current: 0.8
              unit: "%"
              better: higher
          touchpoints:
            - id: linkedin-ad
              name: LinkedIn ad
              channel: ads
              match:
                event: Ad Clicked
                type: track
                where:
                  campaign: spring
                  budget: {gte: 100}
              actions: [Clicks the ad]
              emotion: {score: 1, label: curious}
              painPoints:
                - text: The ad promises too much
                  severity: medium
                  hypothesis:
                    claim: At least 30% leave at once
                    metric: drop-off
                    atLeast: 0.3
      """;

  private static final String TOUCHPOINT = "/stages/0/touchpoints/0";

  @ParameterizedTest(name = "accepts {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          the base map with a description       | set /description = A small map
          a future map naming its current map   | set /state = future ; set /improves = shop-current
          one emotion per persona               | set /personas = [{id: alex, name: Alex}, {id: sam, name: Sam}] ; set /stages/0/touchpoints/0/emotion = [{persona: alex, score: -2, label: angry}, {persona: sam, score: 2}]
          an emotion without a label            | set /stages/0/touchpoints/0/emotion = {score: 0}
          a bare number, boolean and text       | set /stages/0/touchpoints/0/match/where = {amount: 12.5, first: true, plan: pro}
          every operator                        | set /stages/0/touchpoints/0/match/where = {a: {eq: 1}, b: {ne: x}, c: {gt: 1}, d: {gte: 1}, e: {lt: 1}, f: {lte: 1}, g: {contains: x}, h: {in: [1, x, true]}, i: {exists: true}}
          a matcher with only a channel         | set /stages/0/touchpoints/0/match = {channel: store}
          a matcher with only conditions        | set /stages/0/touchpoints/0/match = {where: {plan: pro}}
          a touchpoint not yet instrumented     | remove /stages/0/touchpoints/0/match
          a KPI without an id                   | remove /stages/0/kpis/0/id
          a hypothesis with both bounds         | set /stages/0/touchpoints/0/painPoints/0/hypothesis/atMost = 0.6
          a review date                         | set /reviewBy = 2027-03-31
          a link to the schema for editors      | set /$schema = https://trailmap.dev/map.schema.json
          a whole score written as a decimal    | set /stages/0/touchpoints/0/emotion/score = 1.0
          """)
  void acceptsValidMaps(String what, String edits) {
    JsonNode map = edit(MapSchema.parse(VALID_CURRENT), edits);

    assertThat(MapSchema.problems(map)).as(what).isEmpty();
    assertThat(MapReader.read("edited.yaml", map.toString()).problems())
        .as("the reader accepts what the schema accepts: %s", what)
        .isEmpty();
  }

  @ParameterizedTest(name = "rejects {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an unknown top-level field            | set /colour = red                                            | $
          a misspelt touchpoint field           | set /stages/0/touchpoints/0/chanel = web                     | $.stages[0].touchpoints[0]
          an unknown KPI field                  | set /stages/0/kpis/0/goal = 2                                | $.stages[0].kpis[0]
          a map id with spaces and capitals     | set /id = Pricing Page                                       | $.id
          a stage id starting with a dash       | set /stages/0/id = -awareness                                | $.stages[0].id
          an id of 65 characters                | set /personas/0/id = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | $.personas[0].id
          a map without a name                  | remove /name                                                 | $
          a blank map name                      | set /name = '  '                                             | $.name
          an unknown state                      | set /state = draft                                           | $.state
          a future map without improves         | set /state = future                                          | $
          no personas                           | set /personas = []                                           | $.personas
          no stages                             | set /stages = []                                             | $.stages
          a review date that is not a date      | set /reviewBy = next spring                                  | $.reviewBy
          a touchpoint without a channel        | remove /stages/0/touchpoints/0/channel                       | $.stages[0].touchpoints[0]
          actions that are not a list           | set /stages/0/touchpoints/0/actions = Clicks the ad          | $.stages[0].touchpoints[0].actions
          an emotion score of 5                 | set /stages/0/touchpoints/0/emotion/score = 5                | $.stages[0].touchpoints[0].emotion
          an emotion score of -3                | set /stages/0/touchpoints/0/emotion/score = -3               | $.stages[0].touchpoints[0].emotion
          a fractional emotion score            | set /stages/0/touchpoints/0/emotion/score = 1.5              | $.stages[0].touchpoints[0].emotion
          an emotion without a score            | remove /stages/0/touchpoints/0/emotion/score                 | $.stages[0].touchpoints[0].emotion
          an emotion list entry without persona | set /stages/0/touchpoints/0/emotion = [{score: 1}]           | $.stages[0].touchpoints[0].emotion
          an empty emotion list                 | set /stages/0/touchpoints/0/emotion = []                     | $.stages[0].touchpoints[0].emotion
          an unknown severity                   | set /stages/0/touchpoints/0/painPoints/0/severity = severe   | $.stages[0].touchpoints[0].painPoints[0].severity
          a pain point without text             | remove /stages/0/touchpoints/0/painPoints/0/text             | $.stages[0].touchpoints[0].painPoints[0]
          a hypothesis without a threshold      | remove /stages/0/touchpoints/0/painPoints/0/hypothesis/atLeast | $.stages[0].touchpoints[0].painPoints[0].hypothesis
          an unknown hypothesis metric          | set /stages/0/touchpoints/0/painPoints/0/hypothesis/metric = bounce-rate | $.stages[0].touchpoints[0].painPoints[0].hypothesis.metric
          a threshold written as text           | set /stages/0/touchpoints/0/painPoints/0/hypothesis/atLeast = 30% | $.stages[0].touchpoints[0].painPoints[0].hypothesis.atLeast
          an operator object with two keys      | set /stages/0/touchpoints/0/match/where/budget = {gte: 100, lte: 500} | $.stages[0].touchpoints[0].match.where.budget
          an unknown operator                   | set /stages/0/touchpoints/0/match/where/budget = {greater: 100} | $.stages[0].touchpoints[0].match.where.budget
          an empty operator object              | set /stages/0/touchpoints/0/match/where/budget = {}          | $.stages[0].touchpoints[0].match.where.budget
          in with an empty list                 | set /stages/0/touchpoints/0/match/where/budget = {in: []}    | $.stages[0].touchpoints[0].match.where.budget
          in with a single value                | set /stages/0/touchpoints/0/match/where/budget = {in: 100}   | $.stages[0].touchpoints[0].match.where.budget
          gte with a list                       | set /stages/0/touchpoints/0/match/where/budget = {gte: [1, 2]} | $.stages[0].touchpoints[0].match.where.budget
          exists false                          | set /stages/0/touchpoints/0/match/where/budget = {exists: false} | $.stages[0].touchpoints[0].match.where.budget
          a null condition                      | set /stages/0/touchpoints/0/match/where/budget = null        | $.stages[0].touchpoints[0].match.where.budget
          a list as a bare value                | set /stages/0/touchpoints/0/match/where/budget = [1, 2]      | $.stages[0].touchpoints[0].match.where.budget
          an empty matcher                      | set /stages/0/touchpoints/0/match = {}                       | $.stages[0].touchpoints[0].match
          a matcher with empty conditions only  | set /stages/0/touchpoints/0/match = {where: {}}              | $.stages[0].touchpoints[0].match
          an unknown call type                  | set /stages/0/touchpoints/0/match/type = click               | $.stages[0].touchpoints[0].match.type
          an empty event name in a matcher      | set /stages/0/touchpoints/0/match/event = ''                 | $.stages[0].touchpoints[0].match.event
          a blank event name in a matcher       | set /stages/0/touchpoints/0/match = {event: '   '}           | $.stages[0].touchpoints[0].match.event
          an empty channel in a matcher         | set /stages/0/touchpoints/0/match/channel = ''               | $.stages[0].touchpoints[0].match.channel
          a blank channel in a matcher          | set /stages/0/touchpoints/0/match = {channel: '   '}         | $.stages[0].touchpoints[0].match.channel
          an empty call type in a matcher       | set /stages/0/touchpoints/0/match/type = ''                  | $.stages[0].touchpoints[0].match.type
          an unknown matcher field              | set /stages/0/touchpoints/0/match/events = [Ad Clicked]      | $.stages[0].touchpoints[0].match
          a KPI without a name                  | remove /stages/0/kpis/0/name                                 | $.stages[0].kpis[0]
          a KPI target written as text          | set /stages/0/kpis/0/target = high                           | $.stages[0].kpis[0].target
          a KPI direction other than higher or lower | set /stages/0/kpis/0/better = more                      | $.stages[0].kpis[0].better
          a current map naming a map it improves | set /improves = shop-old                                    | $
          """)
  void rejectsBrokenMaps(String what, String edits, String location) {
    JsonNode map = edit(MapSchema.parse(VALID_CURRENT), edits);

    List<ValidationMessage> problems = MapSchema.problems(map);

    assertThat(problems).as(what).isNotEmpty();
    assertThat(problems)
        .as("%s: a problem at %s", what, location)
        .anySatisfy(p -> assertThat(p.getInstanceLocation().toString()).isEqualTo(location));
    assertThat(MapReader.read("edited.yaml", map.toString()).problems())
        .as("the reader rejects what the schema rejects: %s", what)
        .isNotEmpty();
  }

  /** Applies {@code set /a/b = yaml} and {@code remove /a/b} edits, separated by ';'. */
  static JsonNode edit(JsonNode map, String edits) {
    for (String edit : edits.split(";")) {
      String[] words = edit.strip().split(" ", 2);
      String rest = words[1];
      switch (words[0]) {
        case "set" -> {
          int eq = rest.indexOf(" = ");
          JsonPointer pointer = JsonPointer.compile(rest.substring(0, eq).strip());
          JsonNode value = MapSchema.parse("v: " + rest.substring(eq + 3)).get("v");
          put(map.at(pointer.head()), pointer.last(), value);
        }
        case "remove" -> {
          JsonPointer pointer = JsonPointer.compile(rest.strip());
          JsonNode parent = map.at(pointer.head());
          assertThat(parent.isObject()).as("parent of %s", pointer).isTrue();
          assertThat(((ObjectNode) parent).remove(pointer.last().getMatchingProperty()))
              .as("%s exists in the base map", pointer)
              .isNotNull();
        }
        default -> throw new IllegalArgumentException("unknown edit: " + edit);
      }
    }
    return map;
  }

  private static void put(JsonNode parent, JsonPointer last, JsonNode value) {
    if (parent instanceof ArrayNode array && last.mayMatchElement()) {
      array.set(last.getMatchingIndex(), value);
    } else if (parent instanceof ObjectNode object) {
      object.set(last.getMatchingProperty(), value);
    } else {
      throw new IllegalArgumentException("cannot set " + last + " in " + parent);
    }
  }
}
