package trailmap.web;

import java.util.Optional;

/** The sign-in form: one field for an API key. */
final class LoginPage {
  private LoginPage() {}

  /** The page, with {@code error} shown above the form when present. */
  static String render(Optional<String> error) {
    String message =
        error.map(e -> "<p class=\"error\" role=\"alert\">" + Html.escape(e) + "</p>").orElse("");
    return Html.page(
        "Sign in",
        "<section class=\"login\"><h1>Sign in</h1>"
            + message
            + "<form method=\"post\" action=\""
            + WebRoutes.LOGIN_PATH
            + "\"><label for=\"key\">API key</label>"
            + "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"off\" required"
            + " placeholder=\"tm_…\"><button type=\"submit\">Sign in</button></form>"
            + "<p class=\"hint\">Any key works: viewer, editor or admin. An admin issues keys"
            + " with <code>POST /api/keys</code>.</p></section>",
        Optional.empty());
  }
}
