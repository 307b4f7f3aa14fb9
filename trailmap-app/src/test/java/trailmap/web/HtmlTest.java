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
  void pagesUseOnlyOurOwnResources() {
    String page = LoginPage.render(Optional.of("<b>bad</b>"));
    assertThat(page).contains("&lt;b&gt;bad&lt;/b&gt;").doesNotContain("<b>bad");
    assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
    assertThat(page).contains("href=\"/assets/trailmap.css\"");
  }
}
