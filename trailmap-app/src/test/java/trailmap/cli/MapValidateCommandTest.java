package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapValidateCommandTest {
  static final String VALID =
      """
      id: m
      name: M
      state: current
      personas: [{id: p, name: P}]
      stages:
        - id: s
          name: S
          touchpoints:
            - {id: t, name: T, channel: web, emotion: {score: 1}}
      """;

  @TempDir Path dir;

  @Test
  void exitsZeroForValidMaps() throws IOException {
    Path a = write("a.yaml", VALID);
    Path b =
        write(
            "b.json",
            "{\"id\": \"b\", \"name\": \"B\", \"state\": \"current\","
                + " \"personas\": [{\"id\": \"p\", \"name\": \"P\"}],"
                + " \"stages\": [{\"id\": \"s\", \"name\": \"S\"}]}");

    CliRun run = CliRun.of("map", "validate", a.toString(), b.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("2 maps valid");
  }

  @Test
  void printsEveryProblemOfEveryFileAsFileLineColumnAndExitsOne() throws IOException {
    Path good = write("good.yaml", VALID);
    Path bad =
        write(
            "bad.yaml",
            VALID.replace("channel: web", "chanel: web").replace("score: 1", "score: 5"));
    Path broken = write("broken.yaml", "id: [unclosed\n");

    CliRun run = CliRun.of("map", "validate", good.toString(), bad.toString(), broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().toList())
        .containsExactly(
            bad + ":9:9: touchpoint 't' is missing required field 'channel'",
            bad + ":9:26: unknown field 'chanel' in touchpoint 't' (did you mean 'channel'?)",
            bad + ":9:56: emotion score must be between -2 and 2, was 5",
            broken
                + ":1:14: YAML syntax error: while parsing a flow sequence; expected ',' or ']', but"
                + " got <stream end>");
  }

  @Test
  void refusesAMatcherWithAnEmptyEventNameAtItsLineAndColumn() throws IOException {
    Path nameless =
        write(
            "nameless.yaml",
            VALID.replace("emotion: {score: 1}}", "emotion: {score: 1}, match: {event: \"\"}}"));

    CliRun run = CliRun.of("map", "validate", nameless.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().toList())
        .containsExactly(
            nameless
                + ":9:76: 'event' in match of touchpoint 't' must name an event, was empty; write"
                + " the event name this touchpoint stands for (e.g. event: Pricing Viewed), or"
                + " leave 'event' out to match on type, channel or where alone");
  }

  @Test
  void refusesAMatcherWithAnEmptyChannelAtItsLineAndColumn() throws IOException {
    Path channelless =
        write(
            "channelless.yaml",
            VALID.replace(
                "emotion: {score: 1}}",
                "emotion: {score: 1}, match: {event: Viewed, channel: \"\"}}"));

    CliRun run = CliRun.of("map", "validate", channelless.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().toList())
        .containsExactly(
            channelless
                + ":9:93: 'channel' in match of touchpoint 't' must name a channel, was empty;"
                + " write the channel of the events this touchpoint stands for, as their"
                + " context.channel says (e.g. channel: web), or leave 'channel' out to match"
                + " events on every channel");
  }

  @Test
  void exitsTwoWithAOneLineReasonForAMissingFile() {
    CliRun run = CliRun.of("map", "validate", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("trailmap: " + dir.resolve("nope.yaml") + ": no such file");
  }

  @Test
  void refusesAFileThatIsNotUtf8() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});

    CliRun run = CliRun.of("map", "validate", latin1.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not UTF-8 text");
  }

  @Test
  void withoutFilesPrintsUsageAndExitsTwo() {
    CliRun run = CliRun.of("map", "validate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter").contains("Usage:");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
