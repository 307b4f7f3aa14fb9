package trailmap.maps.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.maps.JourneyMap;

/** Each rule of docs/map-format.md, broken once, gives one precise problem at the right place. */
class MapReaderProblemsTest {

  /** A valid map; each case below replaces one piece of it. */
  static final String BASE =
      """
      id: m
      name: M
      state: current
      personas:
        - {id: p, name: P}
      stages:
        - id: s
          name: S
          touchpoints:
            - id: t
              name: T
              channel: web
              match: {event: Viewed}
              emotion: {score: 1}
      """;

  /** Two touchpoints whose matchers name no event: one empty, one only spaces. */
  static final String NAMELESS =
      """
      id: m
      name: M
      state: current
      personas: [{id: p, name: P}]
      stages:
        - id: s
          name: S
          touchpoints:
            - id: t
              name: T
              channel: web
              match: {event: ""}
            - id: u
              name: U
              channel: web
              match:
                type: track
                event: "   "
      """;

  @Test
  void refusesAnEmptyOrBlankEventNameInAMatcherSayingWhatToWriteInstead() {
    MapReadResult result = MapReader.read("m.yaml", NAMELESS);

    assertThat(result.map()).isEmpty();
    assertThat(result.problems())
        .extracting(MapProblem::toString)
        .containsExactly(
            "m.yaml:12:24: 'event' in match of touchpoint 't' must name an event, was empty;"
                + " write the event name this touchpoint stands for (e.g. event: Pricing Viewed),"
                + " or leave 'event' out to match on type, channel or where alone",
            "m.yaml:18:18: 'event' in match of touchpoint 'u' must name an event, was only"
                + " spaces; write the event name this touchpoint stands for (e.g. event: Pricing"
                + " Viewed), or leave 'event' out to match on type, channel or where alone");
  }

  @Test
  void aStoredMapWithAnEmptyEventNameStillReadsAsItWasStored() {
    MapReadResult result = MapReader.readStored("m version 1", NAMELESS);

    assertThat(result.problems()).isEmpty();
    JourneyMap map = result.map().orElseThrow();
    assertThat(map.touchpoint("t").orElseThrow().matcher().orElseThrow().event()).contains("");
    assertThat(map.touchpoint("u").orElseThrow().matcher().orElseThrow().event()).contains("   ");
  }

  static final String CHANNELLESS =
      """
      id: m
      name: M
      state: current
      personas: [{id: p, name: P}]
      stages:
        - id: s
          name: S
          touchpoints:
            - id: t
              name: T
              channel: web
              match: {channel: ""}
            - id: u
              name: U
              channel: web
              match:
                event: Viewed
                channel: "   "
      """;

  @Test
  void refusesAnEmptyOrBlankChannelInAMatcherSayingWhatToWriteInstead() {
    MapReadResult result = MapReader.read("m.yaml", CHANNELLESS);

    assertThat(result.map()).isEmpty();
    assertThat(result.problems())
        .extracting(MapProblem::toString)
        .containsExactly(
            "m.yaml:12:26: 'channel' in match of touchpoint 't' must name a channel, was empty;"
                + " write the channel of the events this touchpoint stands for, as their"
                + " context.channel says (e.g. channel: web), or leave 'channel' out to match"
                + " events on every channel",
            "m.yaml:18:20: 'channel' in match of touchpoint 'u' must name a channel, was only"
                + " spaces; write the channel of the events this touchpoint stands for, as their"
                + " context.channel says (e.g. channel: web), or leave 'channel' out to match"
                + " events on every channel");
  }

  @Test
  void aStoredMapWithAnEmptyChannelInAMatcherStillReadsAsItWasStored() {
    MapReadResult result = MapReader.readStored("m version 1", CHANNELLESS);

    assertThat(result.problems()).isEmpty();
    JourneyMap map = result.map().orElseThrow();
    assertThat(map.touchpoint("t").orElseThrow().matcher().orElseThrow().channel()).contains("");
    assertThat(map.touchpoint("u").orElseThrow().matcher().orElseThrow().channel()).contains("   ");
  }

  @Test
  void aStoredMapIsStillCheckedForEverythingElse() {
    MapReadResult result =
        MapReader.readStored("m version 1", NAMELESS.replace("channel: web", "chanel: web"));

    assertThat(result.map()).isEmpty();
    assertThat(result.problems()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          YAML syntax         | 'name: M'            | 'name: [M'         | 'm.yaml:3:6: YAML syntax error'
          unknown map field   | 'name: M'            | 'nmae: M'          | 'm.yaml:2:1: unknown field ''nmae'' in the map (did you mean ''name''?)'
          missing name        | 'name: M'            | 'owner: X'         | 'm.yaml:1:1: the map is missing required field ''name'''
          bad state           | 'state: current'     | 'state: curent'    | 'm.yaml:3:8: ''state'' must be one of current, future, was ''curent'' (did you mean ''current''?)'
          future w/o improves | 'state: current'     | 'state: future'    | 'm.yaml:3:8: a future-state map must name the current-state map it improves on in ''improves'''
          bad id              | 'id: t'              | 'id: Big T'        | 'm.yaml:10:13: touchpoint id ''Big T'' must be 1-64 lower-case letters, digits, ''-'' or ''_'', starting with a letter or digit (e.g. ''big-t'')'
          duplicate id        | '  - {id: p, name: P}' | '  - {id: p, name: P}\n  - {id: p, name: Q}' | 'm.yaml:6:10: duplicate persona id ''p'' (first defined at line 5)'
          wrong type          | 'channel: web'       | 'channel: [web]'   | 'm.yaml:12:18: ''channel'' in touchpoint ''t'' must be a text, was a list'
          score out of range  | 'score: 1'           | 'score: -3'        | 'm.yaml:14:26: emotion score must be between -2 and 2, was -3'
          score not whole     | 'score: 1'           | 'score: 1.5'       | 'm.yaml:14:26: ''score'' in emotion of touchpoint ''t'' must be a whole number, was a number (''1.5'')'
          empty matcher       | 'match: {event: Viewed}' | 'match: {}'    | 'm.yaml:13:16: match of touchpoint ''t'' needs at least one of event, type, channel or where'
          bad operator        | 'match: {event: Viewed}' | 'match: {where: {amount: {greater: 5}}}' | 'm.yaml:13:34: unknown operator ''greater'' on ''amount'''
          two operators       | 'match: {event: Viewed}' | 'match: {where: {amount: {gt: 5, lt: 9}}}' | 'm.yaml:13:33: condition on ''amount'' in match of touchpoint ''t'' must have exactly one operator'
          in needs a list     | 'match: {event: Viewed}' | 'match: {where: {plan: {in: pro}}}' | 'm.yaml:13:36: ''in'' on ''plan'' takes a non-empty list of values'
          bad event type      | 'match: {event: Viewed}' | 'match: {type: trak}' | 'm.yaml:13:23: ''type'' must be one of track, identify, page, screen, group, alias, was ''trak'' (did you mean ''track''?)'
          empty event type    | 'match: {event: Viewed}' | 'match: {type: ""}' | 'm.yaml:13:23: ''type'' must be one of track, identify, page, screen, group, alias, was '''''
          blank event type    | 'match: {event: Viewed}' | 'match: {type: "  "}' | 'm.yaml:13:23: ''type'' must be one of track, identify, page, screen, group, alias, was ''  '''
          unknown persona     | 'emotion: {score: 1}' | 'emotion: {persona: q, score: 1}' | 'm.yaml:14:28: emotion of touchpoint ''t'' refers to persona ''q'', which is not on this map'
          no personas         | '  - {id: p, name: P}' | '  []'           | 'm.yaml:5:3: the map needs at least one persona'
          bad date            | 'state: current'     | 'state: current\nreviewBy: next year' | 'm.yaml:4:11: ''reviewBy'' must be a date written YYYY-MM-DD, was ''next year'''
          """)
  void reportsTheBrokenRuleAtItsLocation(String rule, String from, String to, String expected) {
    String yaml = BASE.replaceFirst(java.util.regex.Pattern.quote(from), to.replace("\\n", "\n"));
    assertThat(yaml).as("case must change the base map").isNotEqualTo(BASE);

    MapReadResult result = MapReader.read("m.yaml", yaml);

    assertThat(result.map()).isEmpty();
    assertThat(result.problems())
        .extracting(MapProblem::toString)
        .anyMatch(p -> p.startsWith(expected));
  }
}
