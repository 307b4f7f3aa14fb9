package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's profile page over HTTP: looked up by identity, it answers "why did she not get it?"
 * with the flow activity's reasons beside the events; bad and unknown references, escaping, and the
 * sign-in it needs.
 */
class ProfilePagesTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  FlowApiHarness api;
  String cookie;

  @BeforeEach
  void start() throws Exception {
    api = FlowApiHarness.withWelcomeFlow(dir, smtp.getSmtp().getPort());
    api.newTrials("ann");
    ArrayNode calls = api.calls();
    api.identify(calls, "nomail", Map.of("plan", "<script>alert(1)</script>"));
    api.track(calls, "nomail", "Trial Started");
    api.batch(calls);
    cookie = api.signIn();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theLookUpFormLeadsToTheProfileByAnyIdentity() {
    HttpResponse<String> form = api.page("/profiles", cookie);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<form class=\"lookup\" method=\"get\" action=\"/profiles\">");

    HttpResponse<String> sent = api.page("/profiles?ref=+userId:ann+", cookie);
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).hasValue("/profiles/userId%3Aann");
    HttpResponse<String> page = api.page("/profiles/userId%3Aann", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<td>userId</td><td>ann</td>")
        .contains("<td>email</td><td>ann@example.com</td>")
        .contains("<strong>Trial Started</strong>")
        .contains("<a href=\"/flows/welcome\">welcome</a> v1 · welcome-email · send");
  }

  @Test
  void whySheDidNotGetItIsOnHerTimelineWithTheReason() {
    String body = api.page("/profiles/userId:nomail", cookie).body();
    assertThat(body)
        .contains(
            "welcome-email · suppressed <span class=\"badge badge-overdue outcome\">no address")
        .contains("the profile has no &#39;email&#39; trait");
    // Newest first: the suppression comes after the event that caused it.
    assertThat(body.indexOf("no address")).isLessThan(body.indexOf("<strong>Trial Started"));
  }

  @Test
  void traitValuesAreEscaped() {
    String body = api.page("/profiles/userId:nomail", cookie).body();
    assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void aBadReferenceIsA400AndAnUnknownOneA404BothWithTheFormAndTheirReason() {
    HttpResponse<String> bad = api.page("/profiles/shoeSize:42", cookie);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("role=\"alert\">unknown identity type &#39;shoeSize&#39;")
        .contains("value=\"shoeSize:42\"");

    HttpResponse<String> unknown = api.page("/profiles/userId:nobody", cookie);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No profile is known as &#39;userId:nobody&#39;");

    HttpResponse<String> empty = api.page("/profiles?ref=++", cookie);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("Type a profile id or an identity");
  }

  @Test
  void profilePagesNeedASignedInSession() {
    for (String path : new String[] {"/profiles", "/profiles/userId:ann"}) {
      HttpResponse<String> response = api.page(path, "trailmap_session=made-up");
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).contains("/login");
    }
  }
}
