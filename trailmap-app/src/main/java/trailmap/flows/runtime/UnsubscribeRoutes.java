package trailmap.flows.runtime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Predicate;
import trailmap.flows.channels.UnsubscribeTokens;

/**
 * {@code GET} and {@code POST /u/{token}}: the one-click unsubscribe of an email's {@code
 * List-Unsubscribe} header (mail clients POST {@code List-Unsubscribe=One-Click}, RFC 8058) and of
 * the link in its body. No API key: the HMAC-signed token authorises exactly the unsubscribe it
 * names. Repeating it is harmless. A bad token is a 404 that says nothing about why. The link of a
 * person erased since stores nothing (it would write their profile id back into flows.db) and
 * answers as any other, so it tells nobody whether they were erased.
 */
public final class UnsubscribeRoutes {
  private final FlowStore store;
  private final UnsubscribeTokens tokens;
  private final Predicate<String> held;

  /**
   * @param held whether the profile store still holds a profile id (false once it was erased)
   */
  public UnsubscribeRoutes(FlowStore store, Predicate<String> held) {
    this.store = store;
    this.tokens = store.unsubscribeTokens();
    this.held = held;
  }

  public void register(RoutesConfig routes) {
    routes.get("/u/{token}", this::unsubscribe);
    routes.post("/u/{token}", this::unsubscribe);
  }

  private void unsubscribe(Context ctx) {
    Optional<UnsubscribeTokens.Unsubscribe> u = tokens.verify(ctx.pathParam("token"));
    ctx.header("Cache-Control", "no-store");
    if (u.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("This link is not valid.\n");
      return;
    }
    if (held.test(u.get().profileId())) {
      store.unsubscribe(u.get().profileId(), u.get().scope(), u.get().value(), "list-unsubscribe");
    }
    String what =
        u.get().scope().equals("topic")
            ? "emails about " + escape(u.get().value())
            : escape(u.get().value()) + " messages";
    ctx.contentType("text/html; charset=utf-8")
        .result(
            "<!doctype html><meta charset=utf-8><title>Unsubscribed</title>"
                + "<p>You are unsubscribed from "
                + what
                + ". You will not get them again.</p>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
