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
import trailmap.server.TestServer;

/**
 * The living map in Chromium: a server on 2,000 generated demo profiles (as {@code trailmap demo}
 * starts) shows, from the map list on, the saas map's verdicts, friction and live figures, and its
 * paths as a Sankey diagram and its stages as a funnel. Saves target/screenshots/ui-live-map.png,
 * ui-paths.png and ui-funnel.png (docs/images/ holds copies of the last two).
 */
class LiveMapBrowserTest {
  @TempDir static Path dir;
  static TestServer server;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = DemoServer.start(dir);
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
  void theMapPageLeadsToASankeyOfItsPathsDrawnToScale() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
      Page page = signedInAt(context, "/maps/saas-current");
      page.click(".paths-link a");
      page.selectOption("select[name=start]", "touchpoint:pricing");
      page.selectOption("select[name=steps]", "3");
      page.click(".paths-query button[type=submit]");

      assertThat(page.url()).contains("/maps/saas-current/paths?start=touchpoint%3Apricing");
      assertThat(page.locator("svg.sankey g.node").count()).isGreaterThanOrEqualTo(3);
      assertThat(page.textContent("table.paths")).contains("Pricing");
      // Every band's drawn thickness is its profiles on one scale: the ratio is the same for all.
      com.microsoft.playwright.Locator bands = page.locator("svg.sankey path.band");
      assertThat(bands.count()).isGreaterThan(1);
      // data-width is written to 0.1 px: each is within 0.05 px of profiles x scale, the scale
      // taken from the biggest band.
      int biggest = 0;
      for (int i = 1; i < bands.count(); i++) {
        if (profiles(bands.nth(i)) > profiles(bands.nth(biggest))) {
          biggest = i;
        }
      }
      long most = profiles(bands.nth(biggest));
      double scale = width(bands.nth(biggest)) / most;
      for (int i = 0; i < bands.count(); i++) {
        long n = profiles(bands.nth(i));
        if (n * scale >= 1) {
          assertThat(width(bands.nth(i)))
              .as("band %d", i)
              .isCloseTo(n * scale, org.assertj.core.data.Offset.offset(0.051 + 0.051 * n / most));
        }
      }
      // And the nodes' bars, as the browser lays them out, are tall in proportion to their
      // profiles.
      com.microsoft.playwright.Locator nodes = page.locator("svg.sankey g.node rect");
      double first =
          nodes.first().boundingBox().height
              / Long.parseLong(
                  page.locator("svg.sankey g.node").first().getAttribute("data-profiles"));
      for (int i = 0; i < nodes.count(); i++) {
        double h = nodes.nth(i).boundingBox().height;
        long n =
            Long.parseLong(page.locator("svg.sankey g.node").nth(i).getAttribute("data-profiles"));
        if (h > 3) {
          assertThat(h / n).isCloseTo(first, org.assertj.core.data.Offset.offset(first * 0.05));
        }
      }

      Path screenshot = Path.of("target", "screenshots", "ui-paths.png");
      Files.createDirectories(screenshot.getParent());
      page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }

  @Test
  void theMapPageLeadsToAFunnelOfItsStagesDrawnToTheFirstStagesScale() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = signedInAt(context, "/maps/saas-current");
      page.click(".paths-link a[href$=funnel]");
      page.selectOption("select[name=window]", "90d");
      page.click(".paths-query button[type=submit]");

      assertThat(page.url()).contains("/maps/saas-current/funnel?window=90d");
      com.microsoft.playwright.Locator stages = page.locator("svg.funnel g.stage");
      assertThat(stages.count()).isEqualTo(5);
      double first = stages.first().locator("rect").boundingBox().width / profiles(stages.first());
      for (int i = 1; i < stages.count(); i++) {
        double drawn = stages.nth(i).locator("rect").boundingBox().width;
        if (drawn > 3) {
          assertThat(drawn / profiles(stages.nth(i)))
              .as("stage %d", i)
              .isCloseTo(first, org.assertj.core.data.Offset.offset(first * 0.05));
        }
      }
      Path screenshot = Path.of("target", "screenshots", "ui-funnel.png");
      Files.createDirectories(screenshot.getParent());
      page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }

  /** A page signed in as a viewer through the sign-in form, at {@code path}. */
  private static Page signedInAt(BrowserContext context, String path) {
    Page page = context.newPage();
    page.navigate(server.uri() + path);
    page.fill("#key", server.key(Role.VIEWER));
    page.click("button[type=submit]");
    if (!page.url().endsWith(path)) {
      page.navigate(server.uri() + path);
    }
    return page;
  }

  private static long profiles(com.microsoft.playwright.Locator element) {
    return Long.parseLong(element.getAttribute("data-profiles"));
  }

  private static double width(com.microsoft.playwright.Locator band) {
    return Double.parseDouble(band.getAttribute("data-width"));
  }

  @Test
  void theMapListLeadsToTheSaasMapWithItsFrictionVerdictsAndLiveFigures() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000))) {
      Page page = signedInAt(context, "/");

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
