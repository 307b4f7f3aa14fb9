package trailmap.flows.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;

/** Placeholders, defaults, escaping, and the parsed templates against a regex reference. */
class TemplatesTest {
  private static final JsonValue.Obj TRAITS =
      new JsonValue.Obj(
          Map.of(
              "firstName", new JsonValue.Str("Ana <b>"),
              "plan", new JsonValue.Obj(Map.of("name", new JsonValue.Str("Pro $1 \\ & co"))),
              "seats", new JsonValue.Num(3),
              "empty", new JsonValue.Str("")));
  private static final Map<String, String> VALUES = Map.of("unsubscribeUrl", "https://x/u/t");

  @Test
  void fillsTraitsNestedPathsValuesAndDefaults() {
    String out =
        Templates.render(
            "Hi {{ traits.firstName }}, {{traits.plan.name}} x{{traits.seats}}"
                + " {{ traits.missing | default: 'there' }}{{ traits.empty | default: \"none\" }}"
                + " <a href=\"{{unsubscribeUrl}}\">",
            TRAITS,
            VALUES,
            Templates.Escape.NONE);

    assertThat(out).isEqualTo("Hi Ana <b>, Pro $1 \\ & co x3 therenone <a href=\"https://x/u/t\">");
  }

  @Test
  void escapesValuesForWhereTheyLandButNotTheTemplate() {
    assertThat(
            Templates.render("<p>{{traits.firstName}}</p>", TRAITS, VALUES, Templates.Escape.HTML))
        .isEqualTo("<p>Ana &lt;b&gt;</p>");
    assertThat(
            Templates.render(
                "{\"n\":\"{{traits.plan.name}}\"}", TRAITS, VALUES, Templates.Escape.JSON))
        .isEqualTo("{\"n\":\"Pro $1 \\\\ & co\"}");
  }

  @Test
  void aMissingValueWithoutDefaultRendersEmptyAndBrokenPlaceholdersStayText() {
    assertThat(
            Templates.render(
                "[{{traits.nope}}] {{ unclosed {{}} {{traits.firstName",
                TRAITS,
                VALUES,
                Templates.Escape.NONE))
        .isEqualTo("[] {{ unclosed {{}} {{traits.firstName");
  }

  @Test
  void theSameTextRendersAgainWithOtherTraits() {
    String template = "Hello {{traits.firstName}}!";
    Templates.render(template, TRAITS, VALUES, Templates.Escape.NONE);

    JsonValue.Obj bob = new JsonValue.Obj(Map.of("firstName", new JsonValue.Str("Bob")));
    assertThat(Templates.render(template, bob, VALUES, Templates.Escape.NONE))
        .isEqualTo("Hello Bob!");
  }

  @Property(tries = 300)
  void rendersAsMatchingThePatternOverTheWholeTextDoes(
      @ForAll("templates") String template, @ForAll Templates.Escape escape) {
    assertThat(Templates.render(template, TRAITS, VALUES, escape))
        .isEqualTo(reference(template, escape));
  }

  @Property(tries = 300)
  void fillingInWhatThePlaceholdersReadWritesWhatRenderingWrites(
      @ForAll("templates") String template, @ForAll Templates.Escape escape) {
    Map<String, String> reads = Templates.reads(template, TRAITS, VALUES);

    assertThat(Templates.fill(template, reads, escape))
        .isEqualTo(Templates.render(template, TRAITS, VALUES, escape));
    // Only what the template's placeholders name, so a queued email holds no other trait.
    assertThat(reads.keySet()).allSatisfy(path -> assertThat(template).contains(path));
  }

  @Test
  void whatPlaceholdersReadIsEachPathOnceUnescapedAndNothingForAMissingOne() {
    assertThat(
            Templates.reads(
                "{{traits.firstName}} {{ traits.firstName | default: 'x' }} {{traits.missing}}"
                    + " {{traits.empty|default:'d'}} {{unsubscribeUrl}}",
                TRAITS,
                VALUES))
        .containsExactly(
            Map.entry("traits.empty", ""),
            Map.entry("traits.firstName", "Ana <b>"),
            Map.entry("unsubscribeUrl", "https://x/u/t"));
  }

  @Provide
  Arbitrary<String> templates() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab <>&\"'{}|$\\\n").ofMaxLength(6),
            Arbitraries.of(
                "{{traits.firstName}}",
                "{{ traits.plan.name }}",
                "{{traits.seats}}",
                "{{traits.missing | default: 'x y'}}",
                "{{ traits.empty | default: \"d\" }}",
                "{{unsubscribeUrl}}",
                "{{profile.id}}",
                "{{",
                "}}",
                "{{ traits.firstName"));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  /** The renderer as it was before templates were parsed once: the pattern matched every time. */
  private static String reference(String template, Templates.Escape escape) {
    Pattern placeholder =
        Pattern.compile(
            "\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*(?:\\|\\s*default\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*)?\\}\\}");
    Matcher m = placeholder.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group(1);
      String fallback = m.group(2) != null ? m.group(2) : m.group(3);
      Optional<String> value =
          path.startsWith("traits.")
              ? TRAITS.at(path.substring("traits.".length())).flatMap(TemplatesTest::text)
              : Optional.ofNullable(VALUES.get(path));
      String text = value.filter(v -> !v.isEmpty()).orElse(fallback == null ? "" : fallback);
      m.appendReplacement(out, Matcher.quoteReplacement(Templates.escape(text, escape)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<String> text(JsonValue v) {
    return switch (v) {
      case JsonValue.Str s -> Optional.of(s.value());
      case JsonValue.Num n -> Optional.of(String.valueOf((long) n.value()));
      default -> Optional.empty();
    };
  }
}
