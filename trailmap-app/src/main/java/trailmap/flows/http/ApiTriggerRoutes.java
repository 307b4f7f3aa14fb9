package trailmap.flows.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import trailmap.flows.Trigger;
import trailmap.flows.runtime.FlowStatus;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowSummary;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code POST /api/flows/{id}/trigger} (editor), body {@code {"profile": "userId:ann"}}: starts a
 * published flow whose trigger is {@code api: true} for one profile (its entry rules still decide).
 * Answers 202 once the call is stored: the runtime carries it out moments later, and a crash in
 * between loses nothing. The profile is named as in {@code /api/profiles/{id}}.
 */
public final class ApiTriggerRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_BODY_BYTES = 4096;

  private final FlowStore flows;
  private final ProfileStore profiles;

  public ApiTriggerRoutes(FlowStore flows, ProfileStore profiles) {
    this.flows = flows;
    this.profiles = profiles;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/flows/{id}/trigger", this::trigger, Requires.EDITOR);
  }

  private void trigger(Context ctx) {
    String id = ctx.pathParam("id");
    FlowSummary flow =
        flows
            .flow(id)
            .orElseThrow(
                () ->
                    problem(
                        404,
                        "not-found",
                        "flow not found",
                        "there is no flow with id '" + id + "'; list them with GET /api/flows"));
    if (flow.status() != FlowStatus.PUBLISHED || flow.currentVersion().isEmpty()) {
      throw problem(
          409,
          "wrong-status",
          "Flow not published",
          "flow '"
              + id
              + "' is "
              + flow.status().name().toLowerCase(java.util.Locale.ROOT)
              + "; publish it (POST /api/flows/"
              + id
              + "/publish) before triggering it");
    }
    if (!(flows.load(id, flow.currentVersion().get()).trigger() instanceof Trigger.Api)) {
      throw problem(
          409,
          "not-api-triggered",
          "Flow not triggered by the API",
          "flow '"
              + id
              + "' has another trigger; only a flow with 'trigger: {api: true}' starts"
              + " from this call");
    }
    String profileText = profileField(Bodies.readText(ctx, MAX_BODY_BYTES, "send only profile"));
    ProfileRef ref;
    try {
      ref = ProfileRef.parse(profileText);
    } catch (IllegalArgumentException e) {
      throw problem(400, "bad-profile-ref", "Bad profile reference", "profile: " + e.getMessage());
    }
    ProfileId profile =
        profiles
            .resolve(ref)
            .orElseThrow(
                () ->
                    problem(
                        404,
                        "not-found",
                        "profile not found",
                        "no profile is known as '"
                            + profileText
                            + "' (events reach profiles a"
                            + " moment after they are accepted)"));
    flows.requestApiCall(id, profile.value());
    ctx.status(202)
        .json(MAPPER.createObjectNode().put("accepted", true).put("profile", profile.value()));
  }

  private static String profileField(String body) {
    JsonNode node;
    try {
      node = body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw problem(
          400,
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode profile = node.path("profile");
    if (!profile.isTextual() || profile.textValue().isBlank()) {
      throw problem(
          400,
          "invalid-trigger",
          "Profile required",
          "send {\"profile\": \"userId:VALUE\"} naming the profile to start the flow for");
    }
    return profile.textValue();
  }

  private static ProblemException problem(int status, String slug, String title, String detail) {
    return new ProblemException(Problem.of(status, slug, title, detail));
  }
}
