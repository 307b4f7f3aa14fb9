package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;

/**
 * Publishing a flow whose touchpoint or stage trigger names a map, touchpoint or stage that is not
 * stored is refused; a published flow whose map loses it later says so in its stats. On a real
 * server.
 */
class MapTriggerPublishTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  FlowApiHarness api;

  @BeforeEach
  void start() {
    api =
        new FlowApiHarness(
            dir,
            smtp.getSmtp().getPort(),
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
    api.template("hello", "<p>Hello</p>");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  void storeShop() {
    api.expect(201, "POST", "/api/maps", "application/yaml", TouchpointTriggerTest.MAP);
  }

  /** Stores a flow document as a draft (201). */
  void createFlow(String yaml) {
    api.expect(201, "POST", "/api/flows", "application/yaml", yaml);
  }

  JsonNode refusedPublish(String flowId) {
    HttpResponse<String> refused = api.call("POST", "/api/flows/" + flowId + "/publish", "", "");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    return api.json(refused);
  }

  String status(String flowId) {
    for (JsonNode flow : api.expect(200, "GET", "/api/flows", "", "")) {
      if (flow.get("id").asText().equals(flowId)) {
        return flow.get("status").asText();
      }
    }
    throw new AssertionError("no flow " + flowId);
  }

  JsonNode warnings(String flowId) {
    return api.expect(200, "GET", "/api/flows/" + flowId + "/stats", "", "").get("warnings");
  }

  @Test
  void aTouchpointTriggerOnAMapThatIsNotStoredIsRefusedNamingTheStoredMaps() {
    storeShop();
    createFlow(
        TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricing").replace("shop", "shopp"));

    JsonNode problem = refusedPublish("on-pricing");

    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:unknown-map");
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "flow 'on-pricing' v1: its touchpoint trigger names map 'shopp', which is not stored"
                + " (stored maps: shop) (did you mean 'shop'?), so no event could ever start it;"
                + " store the map with POST /api/maps first, or name a stored map in the flow's"
                + " trigger and save a new version with PUT /api/flows/on-pricing");
    assertThat(status("on-pricing")).isEqualTo("draft");
  }

  @Test
  void aStageTriggerWithNoMapStoredAtAllSaysSo() {
    createFlow(TouchpointTriggerTest.flow("on-consider", "stage: consider"));

    JsonNode problem = refusedPublish("on-consider");

    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:unknown-map");
    assertThat(problem.get("detail").asText())
        .startsWith(
            "flow 'on-consider' v1: its stage trigger names map 'shop', which is not stored (no"
                + " map is stored), so no event could ever start it;");
  }

  @Test
  void aTouchpointTheMapDoesNotHaveIsRefusedNamingTheMapsTouchpoints() {
    storeShop();
    createFlow(TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricng"));

    JsonNode problem = refusedPublish("on-pricing");

    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:unknown-touchpoint");
    assertThat(problem.get("title").asText()).isEqualTo("Touchpoint not in the map");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "flow 'on-pricing' v1: its trigger names touchpoint 'pricng', which the latest version"
                + " of map 'shop' does not have (its touchpoints: pricing) (did you mean"
                + " 'pricing'?), so no event could ever start it; add it to the map with PUT"
                + " /api/maps/shop, or name one of them in the flow's trigger and save a new"
                + " version with PUT /api/flows/on-pricing");
    assertThat(status("on-pricing")).isEqualTo("draft");
  }

  @Test
  void aStageTheMapDoesNotHaveIsRefusedNamingTheMapsStages() {
    storeShop();
    createFlow(TouchpointTriggerTest.flow("on-buy", "stage: purchase"));

    JsonNode problem = refusedPublish("on-buy");

    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:unknown-stage");
    assertThat(problem.get("detail").asText())
        .contains("names stage 'purchase', which the latest version of map 'shop' does not have")
        .contains("(its stages: consider)");
  }

  @Test
  void aFixedVersionPublishesOnceTheMapHasTheTouchpoint() {
    storeShop();
    createFlow(TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricng"));
    refusedPublish("on-pricing");
    api.expect(
        200,
        "PUT",
        "/api/flows/on-pricing",
        "application/yaml",
        TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricing"));

    api.expect(200, "POST", "/api/flows/on-pricing/publish", "", "");

    assertThat(status("on-pricing")).isEqualTo("published");
    assertThat(warnings("on-pricing")).isEmpty();
  }

  @Test
  void deletingTheMapOfAPublishedFlowIsAllowedAndTheFlowsStatsWarnUntilItIsBack() throws Exception {
    storeShop();
    api.publish(TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricing"));

    api.expect(204, "DELETE", "/api/maps/shop", "", "");

    JsonNode warnings = warnings("on-pricing");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).asText())
        .isEqualTo(
            "v1: its touchpoint trigger names map 'shop', which is not stored (no map is"
                + " stored), so the flow takes no new entries (profiles inside go on); store the"
                + " map again or publish a version whose trigger names what exists");
    visitPricing("ann-1");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    storeShop();
    assertThat(warnings("on-pricing")).isEmpty();
    visitPricing("bob-1");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void removingTheTouchpointOfAPublishedFlowIsAllowedAndTheFlowsStatsWarn() {
    storeShop();
    api.publish(TouchpointTriggerTest.flow("on-pricing", "touchpoint: pricing"));

    api.expect(
        200,
        "PUT",
        "/api/maps/shop",
        "application/yaml",
        TouchpointTriggerTest.MAP.replace("id: pricing", "id: plans"));

    JsonNode warnings = warnings("on-pricing");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).asText())
        .startsWith(
            "v1: its trigger names touchpoint 'pricing', which the latest version of map 'shop'"
                + " does not have (its touchpoints: plans), so the flow takes no new entries");
  }

  private void visitPricing(String user) throws InterruptedException {
    ArrayNode calls = api.calls();
    api.identify(calls, user, Map.of("email", user + "@example.com"));
    api.track(calls, user, "Pricing");
    ((ObjectNode) calls.get(1)).putObject("properties").put("plan", "pro");
    api.batch(calls);
  }
}
