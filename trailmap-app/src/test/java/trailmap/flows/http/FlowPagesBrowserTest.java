package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.server.TestServer;
import trailmap.web.Chromium;

/**
 * The flow pages in a real browser: from the header to the list to the welcome flow after two days
 * of trials, with its step chart drawn to scale, and a profile looked up to see why a message did
 * not go. Saves target/screenshots/ui-flow.png and ui-profile.png (docs/images/ holds copies).
 */
class FlowPagesBrowserTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  FlowApiHarness api;
  Playwright playwright;
  Browser browser;
  BrowserContext context;
  Page page;

  @BeforeEach
  void start() throws Exception {
    api = FlowApiHarness.withWelcomeFlow(dir, smtp.getSmtp().getPort());
    api.newTrials("ann", "bob", "cy", "dee");
    ArrayNode calls = api.calls();
    api.track(calls, "nomail", "Trial Started"); // no email address: its sends are suppressed
    api.track(calls, "ann", "Onboarding Completed"); // so she gets no tips
    api.track(calls, "dee", "Subscribed"); // the goal: she converts and leaves
    api.batch(calls);
    api.advance(Duration.ofDays(2).plusMinutes(1));
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
    page = context.newPage();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    api.close();
  }

  @Test
  void aViewerGoesFromTheHeaderToTheFlowAndSeesItsStepsDrawnToScale() throws Exception {
    signIn();
    page.click("nav.sections >> text=Flows");
    assertThat(page.url()).endsWith("/flows");
    page.click("table.flows >> text=Welcome to the trial");
    assertThat(page.url()).endsWith("/flows/welcome");

    assertThat(page.textContent(".tile-entered .figure")).isEqualTo("5");
    assertThat(page.textContent(".tile-converted .figure")).isEqualTo("1");
    // Welcome emails to ann, bob, cy and dee; tips to bob and cy only.
    BoundingBox welcome = box("welcome-email", "sent");
    BoundingBox tips = box("tips-email", "sent");
    assertThat(welcome.width).isGreaterThan(0);
    assertThat(tips.width / welcome.width)
        .isCloseTo(2.0 / 4.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(box("welcome-email", "suppressed").width).isGreaterThan(0);
    assertThat(page.textContent("table.suppressions")).contains("no address");
    assertThat(page.textContent(".conversion-verdict")).startsWith("Nothing to compare yet");

    screenshot("ui-flow.png");
  }

  @Test
  void theProfileLookUpShowsWhyAMessageWasNotSentOnTheTimeline() throws Exception {
    signIn();
    page.click("nav.sections >> text=Profiles");
    page.fill("#ref", "userId:nomail");
    page.click("form.lookup button");
    assertThat(page.url()).endsWith("/profiles/userId%3Anomail");
    String timeline = page.textContent("table.timeline");
    assertThat(timeline).contains("welcome-email · suppressed").contains("no 'email' trait");
    assertThat(page.locator("table.timeline .badge-overdue").count()).isEqualTo(2);

    page.click("table.timeline >> text=welcome");
    assertThat(page.url()).endsWith("/flows/welcome");

    page.goBack();
    screenshot("ui-profile.png");
  }

  private void signIn() {
    page.navigate(api.server.uri() + "/");
    page.fill("#key", TestServer.ADMIN_KEY);
    page.click("button[type=submit]");
  }

  /** Saves the whole page under target/screenshots/ (docs/images/ holds copies). */
  private void screenshot(String name) throws Exception {
    Path file = Path.of("target", "screenshots", name);
    Files.createDirectories(file.getParent());
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    assertThat(Files.size(file)).isGreaterThan(10_000);
  }

  /** Where the browser drew the bar of {@code series} for {@code step}. */
  private BoundingBox box(String step, String series) {
    BoundingBox box =
        page.locator("g[data-step=\"" + step + "\"] rect.bar-" + series).boundingBox();
    assertThat(box).as(step + " " + series).isNotNull();
    return box;
  }
}
