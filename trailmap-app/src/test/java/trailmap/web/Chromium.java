package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium (/usr/bin/chromium; {@code apt-get install chromium}) for the browser tests,
 * headless and driven by Playwright; .ci/run installs it.
 */
public final class Chromium {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private Chromium() {}

  /** Starts a headless Chromium; fails with the install command when it is not there. */
  public static Browser launch(Playwright playwright) {
    assertThat(EXECUTABLE)
        .as("Chromium for the browser tests: apt-get update && apt-get install -y chromium")
        .isExecutable();
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS));
  }
}
