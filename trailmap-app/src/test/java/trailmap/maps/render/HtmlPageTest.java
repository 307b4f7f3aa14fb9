package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.maps.JourneyMap;

class HtmlPageTest {
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)]*");

  @TempDir Path dir;

  private String renderAndReadBack(JourneyMap map) throws Exception {
    Path file = dir.resolve(map.id() + ".html");
    Files.write(file, MapRenderer.render(map, RenderFormat.HTML));
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void isOneFileThatReferencesNothingOutsideIt() throws Exception {
    String html = renderAndReadBack(MapFixtures.saas());

    Matcher urls = URL.matcher(html);
    while (urls.find()) {
      assertThat(urls.group()).as("only XML namespaces").isEqualTo("http://www.w3.org/2000/svg");
    }
    assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "@import", "url(");
    assertThat(html).contains("<style>", "<svg xmlns=\"http://www.w3.org/2000/svg\"");
  }

  @Test
  void showsDescriptionAndPersonasWithGoalsAboveTheGrid() throws Exception {
    String html = renderAndReadBack(MapFixtures.saas());

    int svg = html.indexOf("<svg");
    assertThat(html.indexOf("How Alex finds, tries and buys")).isBetween(0, svg);
    assertThat(html.indexOf("Small business owner doing her own books.")).isBetween(0, svg);
    assertThat(html.indexOf("Close the month in an hour")).isBetween(0, svg);
    assertThat(html.indexOf("One tool for all")).isBetween(0, svg);
    assertThat(html).contains("<dt>Owner</dt><dd>CX team</dd>", "Current state");
  }

  @Test
  void makesAHostileMapNameInert() throws Exception {
    String hostile = "<script>alert(1)</script>";

    String html = renderAndReadBack(MapFixtures.withTextEverywhere(hostile));

    assertThat(html).doesNotContain("<script", "</script>");
    assertThat(html).contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    assertThat(html).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; — journey map</title>");
  }

  @Test
  void escapesQuotesAndAmpersandsInEveryField() throws Exception {
    String hostile = "\"><img src=x onerror=alert(1)> & co";

    String html = renderAndReadBack(MapFixtures.withTextEverywhere(hostile));

    assertThat(html).doesNotContain("<img");
    assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; co");
  }

  @Test
  void forbidsScriptsEvenIfEscapingWereMissed() throws Exception {
    String html = renderAndReadBack(MapFixtures.saas());

    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none';");
  }

  @Test
  void embedsTheGridOnceWithoutRepeatingTheHeading() throws Exception {
    JourneyMap map = MapFixtures.saas();

    String html = renderAndReadBack(map);

    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    var drawing = SvgReading.parse(svg.getBytes(StandardCharsets.UTF_8));
    String stages = SvgReading.joined(drawing, TextStyle.STAGE);
    String touchpoints = SvgReading.joined(drawing, TextStyle.TOUCHPOINT);
    map.stages().forEach(stage -> assertThat(stages).contains(stage.name()));
    map.touchpoints().forEach(t -> assertThat(touchpoints).contains(t.name()));
    assertThat(SvgReading.texts(drawing, TextStyle.TITLE)).isEmpty();
    assertThat(SvgReading.texts(drawing, TextStyle.BADGE)).isEmpty();
    assertThat(html.split("<h1>", -1)).hasSize(2);
  }

  @Test
  void stylesOnlyItsOwnClassesNeverTheDrawingsText() throws Exception {
    String html = renderAndReadBack(MapFixtures.saas());

    String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
    Matcher classes = Pattern.compile("\\.([a-zA-Z][\\w-]*)").matcher(css);
    int count = 0;
    while (classes.find()) {
      assertThat(classes.group(1)).startsWith("page-");
      count++;
    }
    assertThat(count).isGreaterThan(5);
  }
}
