package trailmap.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.TestServer;

/**
 * {@code GET /api/maps/{id}/live} on a real server: events go in through {@code /v1/batch}, the map
 * is stored through the API, and the living map counts them.
 */
class LiveApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String MAP =
      """
      id: shop
      name: Shop
      state: current
      personas:
        - id: sam
          name: Sam
      stages:
        - id: consider
          name: Consider
          touchpoints:
            - id: pricing
              name: Pricing <page>
              channel: web
              match:
                event: Pricing
              emotion: {score: -1, label: unsure}
              painPoints:
                - text: Prices are unclear
                  severity: high
                  hypothesis:
                    claim: At least 20% leave after pricing
                    metric: drop-off
                    to: trial
                    atLeast: 0.2
              kpis:
                - id: pricing-to-trial
                  name: Pricing to trial
                  metric: conversion
                  target: 50
                  unit: "%"
                - id: pricing-visits
                  name: Pricing visits
                  metric: unique visitors per week
                  target: 1000
                  current: 800
        - id: try
          name: Try
          touchpoints:
            - id: trial
              name: Trial
              channel: web
              match:
                event: Trial Started
      """;

  @TempDir Path dir;
  TestServer server;
  String viewer;
  String writeKey;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    viewer = server.key(Role.VIEWER);
    writeKey = server.server().sources().create("web", "web").writeKey();
    HttpResponse<String> saved =
        server.post("/api/maps", server.key(Role.EDITOR), "application/yaml", MAP);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * 40 profiles see pricing; 24 (60%) start a trial. Every pricing visitor answers CSAT on the
   * pricing page: 30 satisfied of 40.
   */
  void sendJourneys() throws Exception {
    List<String> calls = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      String user = "user-" + p;
      calls.add(AnalyticsApiTest.track(user, "Pricing", 0, "web"));
      calls.add(
          """
          {"type": "track", "userId": "%s", "event": "Survey Responded", "timestamp": "%s",
           "messageId": "%s-csat", "properties": {"survey": "csat", "score": %d,
           "touchpoint": "pricing"}}"""
              .formatted(user, T0.plusSeconds(30), user, p < 30 ? 5 : 1));
      if (p < 24) {
        calls.add(AnalyticsApiTest.track(user, "Trial Started", 3600, "web"));
      }
    }
    HttpResponse<String> answer = server.batch(writeKey, calls);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  JsonNode live() throws Exception {
    HttpResponse<String> answer = server.get("/api/maps/shop/live", viewer);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void answersEveryTouchpointsFiguresKpisAndTheVerdictsOfEventsSentThroughTheCollectionApi()
      throws Exception {
    sendJourneys();

    JsonNode live = live();

    assertThat(live.get("map").asText()).isEqualTo("shop");
    assertThat(live.get("profiles").asInt()).isEqualTo(40);
    JsonNode pricing = live.get("touchpoints").get(0);
    assertThat(pricing.get("touchpoint").asText()).isEqualTo("pricing");
    assertThat(pricing.get("reached").asInt()).isEqualTo(40);
    assertThat(pricing.at("/onwards/conversion/value").asDouble()).isEqualTo(0.6);
    assertThat(pricing.at("/onwards/medianSecondsToNext/value").asDouble()).isEqualTo(3600);
    assertThat(pricing.at("/surveys/csat/score").asDouble()).isEqualTo(0.75);
    assertThat(pricing.at("/surveys/csat/n").asInt()).isEqualTo(40);
    assertThat(pricing.at("/emotion/drawn").asDouble()).isEqualTo(-1);
    assertThat(pricing.at("/emotion/fromSurveys").asDouble()).isCloseTo(1.0, within(1e-9));
    JsonNode kpi = pricing.get("kpis").get(0);
    assertThat(kpi.get("status").asText()).isEqualTo("on-target");
    assertThat(kpi.get("to").asText()).as("the pricing hypothesis's 'to'").isEqualTo("trial");
    assertThat(kpi.at("/live/value").asDouble()).isCloseTo(60, within(1e-9));
    JsonNode words = pricing.get("kpis").get(1);
    assertThat(words.get("status").asText()).isEqualTo("not-measured");
    assertThat(words.get("reason").asText()).startsWith("not measured: the metric is free text");
    assertThat(words.get("current").asDouble()).isEqualTo(800);
    assertThat(words.get("live").isNull()).isTrue();
    assertThat(live.get("touchpoints").get(1).get("onwards").isNull())
        .as("the journey ends at the trial")
        .isTrue();
    assertThat(live.at("/stages/0/reached").asInt()).isEqualTo(40);
    assertThat(live.at("/hypotheses/0/verdict").asText()).isEqualTo("supported");
    assertThat(live.at("/hypotheses/0/value").asDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(live.at("/verdicts/supported").asInt()).isEqualTo(1);
    assertThat(live.get("friction").get("items").isArray()).isTrue();
    assertThat(live.at("/counted/emotion").asText()).contains("csat 4*share-2");
  }

  @Test
  void aMapWithoutEventsHasNoFiguresYetAndAnUnknownMapIs404() throws Exception {
    JsonNode live = live();

    assertThat(live.at("/touchpoints/0/reached").asInt()).isZero();
    assertThat(live.at("/touchpoints/0/emotion/fromSurveys").isNull()).isTrue();
    assertThat(live.at("/hypotheses/0/verdict").asText()).isEqualTo("not-enough-data");
    assertThat(live.at("/touchpoints/0/kpis/0/status").asText()).isEqualTo("not-enough-data");
    assertThat(server.get("/api/maps/nope/live", viewer).statusCode()).isEqualTo(404);
  }

  @Test
  void theRenderedGridIncludesTheLiveFiguresWhenAsked() throws Exception {
    sendJourneys();

    HttpResponse<String> svg = server.get("/api/maps/shop/render?format=svg&live=true", viewer);
    HttpResponse<String> plain = server.get("/api/maps/shop/render?format=svg", viewer);
    HttpResponse<String> wrong = server.get("/api/maps/shop/render?format=svg&live=yes", viewer);

    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.body())
        .contains(">Live data<", ">Reached 40<", ">SUPPORTED<", "Pricing &lt;page&gt;");
    assertThat(plain.body()).doesNotContain("Live data");
    assertThat(wrong.statusCode()).isEqualTo(400);
    for (String format : List.of("png", "pdf", "html")) {
      assertThat(
              server
                  .get("/api/maps/shop/render?format=" + format + "&live=true", viewer)
                  .statusCode())
          .as(format)
          .isEqualTo(200);
    }
  }
}
