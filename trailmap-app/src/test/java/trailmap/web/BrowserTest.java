package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Stage;
import trailmap.maps.format.MapReader;
import trailmap.maps.templates.MapTemplates;
import trailmap.server.TestServer;

/**
 * The web UI in a real browser ({@link Chromium}). Saves a map page screenshot to
 * target/screenshots/ui-map.png (the README's docs/images/ui-map.png is a copy).
 */
class BrowserTest {
  @TempDir static Path dir;
  static TestServer server;
  static JourneyMap saas;
  static Playwright playwright;
  static Browser browser;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir);
    String yaml = MapTemplates.yaml("saas", MapState.CURRENT);
    saas = MapReader.read("saas", yaml).map().orElseThrow();
    assertThat(
            server
                .post("/api/maps", server.key(Role.EDITOR), "application/yaml", yaml)
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

  @BeforeEach
  void newContext() {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000));
    page = context.newPage();
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  void signIn(String key) {
    page.navigate(server.uri() + "/");
    assertThat(page.url()).endsWith("/login");
    page.fill("#key", key);
    page.click("button[type=submit]");
  }

  @Test
  void aViewerSignsInSeesTheMapListAndOpensAMapWithItsStagesInTheGrid() throws Exception {
    signIn(server.key(Role.VIEWER));
    assertThat(page.url()).isEqualTo(server.uri() + "/");
    assertThat(page.textContent("table.maps")).contains(saas.name());

    page.click("text=" + saas.name());
    assertThat(page.url()).endsWith("/maps/" + saas.id());
    String grid = page.textContent("section.grid");
    for (Stage stage : saas.stages()) {
      assertThat(grid).contains(stage.name());
    }
    assertThat(page.locator("ul.downloads a").count()).isEqualTo(5);
    assertThat(page.textContent("table.versions")).contains("1");

    // Written under target/ so a test run leaves the work tree clean; docs/images/ui-map.png is
    // a copy of it, refreshed by hand when the UI changes.
    Path screenshot = Path.of("target", "screenshots", "ui-map.png");
    Files.createDirectories(screenshot.getParent());
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrict() {
    signIn(server.key(Role.VIEWER));
    Cookie cookie =
        context.cookies().stream()
            .filter(c -> c.name.equals("trailmap_session"))
            .findFirst()
            .orElseThrow();
    assertThat(cookie.httpOnly).isTrue();
    assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.STRICT);
    assertThat(cookie.path).isEqualTo("/");
    assertThat((String) page.evaluate("() => document.cookie")).doesNotContain("trailmap_session");
  }

  @Test
  void aWrongKeyShowsAnErrorAndStaysOnTheSignInPage() {
    signIn("tm_this-is-not-a-key");
    assertThat(page.url()).endsWith("/login");
    assertThat(page.textContent("[role=alert]")).contains("That key is not valid");
    assertThat(context.cookies()).noneMatch(c -> c.name.equals("trailmap_session"));
  }

  @Test
  void signingOutReturnsToTheSignInPage() {
    signIn(server.key(Role.VIEWER));
    page.click("form.signout button");
    assertThat(page.url()).endsWith("/login");
    page.navigate(server.uri() + "/");
    assertThat(page.url()).endsWith("/login");
  }
}
