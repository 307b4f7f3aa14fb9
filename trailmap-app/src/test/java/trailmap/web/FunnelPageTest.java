package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.TestServer;

/**
 * The funnel page over HTTP on the demo profiles: the stages' counts are the funnel API's for the
 * stages as steps, the bars are to the first stage's scale, and bad choices get a 400 page.
 */
class FunnelPageTest {
  @TempDir static Path dir;
  static TestServer server;
  static String cookie;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server = DemoServer.start(dir);
    cookie = PathsPagesTest.signIn(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theStagesCountsAreTheFunnelApisAndTheBarsAreToScale() throws Exception {
    HttpResponse<String> response =
        PathsPagesTest.page(server, "/maps/saas-current/funnel?window=14d", cookie);
    JsonNode api =
        JSON.readTree(
            server
                .post(
                    "/api/analytics/funnel",
                    server.key(Role.VIEWER),
                    "application/json",
                    "{\"map\": \"saas-current\", \"steps\": [\"stage:awareness\","
                        + " \"stage:consideration\", \"stage:purchase\", \"stage:retention\","
                        + " \"stage:advocacy\"], \"window\": \"14d\", \"order\": \"ordered\"}")
                .body());

    assertThat(response.statusCode()).isEqualTo(200);
    String html = response.body();
    assertThat(html).contains("<option value=\"14d\" selected>", "Funnel through the stages of ");
    Matcher bars =
        Pattern.compile(
                "data-profiles=\"(\\d+)\"><text[^>]*>[^<]*</text><rect class=\"bar\" x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"")
            .matcher(html);
    int i = 0;
    long first = api.path("steps").get(0).path("count").asLong();
    assertThat(first).isGreaterThan(0);
    while (bars.find()) {
      long n = Long.parseLong(bars.group(1));
      assertThat(n).as("stage %d", i).isEqualTo(api.path("steps").get(i).path("count").asLong());
      assertThat(Long.parseLong(bars.group(2)))
          .isBetween(Math.round(560.0 * n / first) - 1, Math.round(560.0 * n / first) + 1);
      assertThat(html).contains(String.format(Locale.ROOT, "<td class=\"number\">%,d</td>", n));
      i++;
    }
    assertThat(i).isEqualTo(api.path("steps").size());
  }

  @Test
  void aWindowTheFormDoesNotOfferGetsA400PageAndTheMapPageLinksHere() throws Exception {
    HttpResponse<String> bad =
        PathsPagesTest.page(server, "/maps/saas-current/funnel?window=%3Cx%3E", cookie);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains(FunnelPage.REFUSED).doesNotContain("<x>");
    assertThat(PathsPagesTest.page(server, "/maps/saas-current", cookie).body())
        .contains("<a href=\"/maps/saas-current/funnel\">Funnel through the stages →</a>");
    assertThat(PathsPagesTest.page(server, "/maps/nope/funnel", cookie).statusCode())
        .isEqualTo(404);
  }
}
