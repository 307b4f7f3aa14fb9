package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.generate.DemoData;
import trailmap.maps.MapState;
import trailmap.maps.templates.MapTemplates;
import trailmap.server.TestServer;

/**
 * The living map in Chromium: a server on 2,000 generated demo profiles (as {@code trailmap demo}
 * starts) shows, from the map list on, the saas map's verdicts, friction and live figures. Saves
 * target/screenshots/ui-live-map.png.
 */
class LiveMapBrowserTest {
  @TempDir static Path dir;
  static TestServer server;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    DemoData.generate(dir, 2_000);
    server = TestServer.start(dir);
    assertThat(
            server
                .post(
                    "/api/maps",
                    server.key(Role.EDITOR),
                    "application/yaml",
                    MapTemplates.yaml("saas", MapState.CURRENT))
                .statusCode())
        .isEqualTo(201);
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    server.close();
  }

  @Test
  void theMapListLeadsToTheSaasMapWithItsFrictionVerdictsAndLiveFigures() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000))) {
      Page page = context.newPage();
      page.navigate(server.uri() + "/");
      page.fill("#key", server.key(Role.VIEWER));
      page.click("button[type=submit]");

      assertThat(page.textContent("table.maps")).contains("Top friction", "supported");
      page.click(".top-friction a");

      assertThat(page.url()).endsWith("/maps/saas-current");
      assertThat(page.locator("ol.friction li").count()).isGreaterThanOrEqualTo(3);
      assertThat(page.textContent("ol.friction")).contains("Evidence:", "On the map:");
      assertThat(page.locator("ul.verdicts .badge-supported").count()).isGreaterThan(0);
      assertThat(page.locator("ul.verdicts li").first().getAttribute("title"))
          .contains("95% interval");
      String grid = page.textContent("section.grid");
      assertThat(grid).contains("Live data", "From surveys", "Reached ");
      assertThat(page.locator("polyline.survey-emotion-curve").count()).isEqualTo(1);
      assertThat(page.textContent("table.live")).contains("Pricing page", "on target");

      Path screenshot = Path.of("target", "screenshots", "ui-live-map.png");
      Files.createDirectories(screenshot.getParent());
      page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(false));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }
}
