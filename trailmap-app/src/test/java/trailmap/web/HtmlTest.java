package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
    assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  }

  @Test
  void durationsReadInTheUnitThatFitsWithThreeDigits() {
    assertThat(Html.duration(45 * 60)).isEqualTo("45 min");
    assertThat(Html.duration(5399)).isEqualTo("90 min");
    assertThat(Html.duration(5400)).isEqualTo("1.5 h");
    assertThat(Html.duration(47.5 * 3600)).isEqualTo("47.5 h");
    assertThat(Html.duration(2.5 * 86_400)).isEqualTo("2.5 d");
    assertThat(Html.duration(123.456 * 86_400)).isEqualTo("123 d");
  }

  @Test
  void pagesUseOnlyOurOwnResources() {
    String page = LoginPage.render(Optional.of("<b>bad</b>"));
    assertThat(page).contains("&lt;b&gt;bad&lt;/b&gt;").doesNotContain("<b>bad");
    assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
    assertThat(page).contains("href=\"/assets/trailmap.css\"");
  }
}
