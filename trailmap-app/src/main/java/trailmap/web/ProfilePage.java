package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.access.Session;

/**
 * One profile, drawn from the answers of {@code GET /api/profiles/{ref}} and the first page of its
 * timeline: identities, traits, merges, and one timeline of its newest events and its flow activity
 * (entries, sends, suppressions, exits, each with its reason), so "why did she not get it?" is
 * answered on the page. Also the look-up form, alone or above an error.
 */
final class ProfilePage {
  /** Flow lines (kinds, outcomes) that mean a message did not go out or a profile did not go on. */
  private static final Set<String> HELD_BACK =
      Set.of("suppressed", "deferred", "dead", "not-entered", "not-carried-out", "held-out");

  private ProfilePage() {}

  /** The look-up form, with {@code problem} above it when the last look-up failed. */
  static String search(String ref, Optional<String> problem, Session session) {
    StringBuilder body = new StringBuilder("<h1>Profiles</h1>");
    problem.ifPresent(
        p ->
            body.append("<p class=\"error\" role=\"alert\">")
                .append(Html.escape(p))
                .append("</p>"));
    body.append(form(ref))
        .append(
            "<p class=\"hint\">A profile id (<code>p_…</code>) or any identity it holds as"
                + " <code>TYPE:VALUE</code>: <code>userId:u-42</code>,"
                + " <code>email:ann@example.com</code>, <code>anonymousId:…</code>,"
                + " <code>phone:…</code>.</p>");
    return Html.page("Profiles", body.toString(), Optional.of(session));
  }

  private static String form(String ref) {
    return "<form class=\"lookup\" method=\"get\" action=\"/profiles\"><label for=\"ref\">Look up a"
        + " profile</label> <input id=\"ref\" name=\"ref\" size=\"40\" value=\""
        + Html.escape(ref)
        + "\" placeholder=\"email:ann@example.com\"> <button type=\"submit\">Show</button></form>";
  }

  static String render(JsonNode profile, JsonNode timeline, Session session) {
    String id = profile.path("id").asText();
    StringBuilder body = new StringBuilder();
    body.append(form(""))
        .append("<h1>Profile <code>")
        .append(Html.escape(id))
        .append("</code></h1><p class=\"meta\">Since ")
        .append(Html.escape(profile.path("createdAt").asText()))
        .append(" · created by event <code>")
        .append(Html.escape(profile.path("createdBy").asText()))
        .append("</code></p>");
    body.append("<div class=\"on-data\"><section><h2>Identities</h2>")
        .append(identities(profile.path("identities")))
        .append("</section><section><h2>Traits</h2>")
        .append(traits(profile.path("traits")))
        .append("</section></div>");
    if (!profile.path("merges").isEmpty()) {
      body.append("<h2>Merged into this profile</h2><ul class=\"merges\">");
      for (JsonNode merge : profile.path("merges")) {
        List<String> why = new ArrayList<>();
        merge.path("identities").forEach(i -> why.add(i.asText()));
        body.append("<li><code>")
            .append(Html.escape(merge.path("absorbed").asText()))
            .append("</code> at ")
            .append(Html.escape(merge.path("at").asText()))
            .append(", sharing ")
            .append(Html.escape(String.join(", ", why)))
            .append("</li>");
      }
      body.append("</ul>");
    }
    int events = timeline.path("events").size();
    body.append("<h2>Timeline</h2><p class=\"summary\">Newest first: the profile's newest ")
        .append(events == 1 ? "event" : events + " events")
        .append(" and its flow activity, each entry, send, suppression and exit with its reason.");
    if (timeline.path("next").isTextual()) {
      body.append(" Older events: <code>GET /api/profiles/")
          .append(Html.escape(id))
          .append("/timeline?cursor=")
          .append(Html.escape(timeline.path("next").asText()))
          .append("</code>.");
    }
    body.append("</p>").append(timelineTable(timeline));
    return Html.page("Profile " + id, body.toString(), Optional.of(session));
  }

  private static String identities(JsonNode identities) {
    if (identities.isEmpty()) {
      return "<p class=\"summary\">None: only its anonymous events reached it.</p>";
    }
    StringBuilder out =
        new StringBuilder(
            "<table class=\"identities\"><thead><tr><th>Type</th><th>Value</th><th>Since</th>"
                + "</tr></thead><tbody>");
    for (JsonNode identity : identities) {
      out.append("<tr><td>")
          .append(Html.escape(identity.path("type").asText()))
          .append("</td><td>")
          .append(Html.escape(identity.path("value").asText()))
          .append("</td><td>")
          .append(Html.escape(identity.path("at").asText()))
          .append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  private static String traits(JsonNode traits) {
    if (traits.isEmpty()) {
      return "<p class=\"summary\">None yet: traits come from <code>identify</code> calls.</p>";
    }
    StringBuilder out =
        new StringBuilder(
            "<table class=\"traits\"><thead><tr><th>Trait</th><th>Value</th><th>Set at</th>"
                + "</tr></thead><tbody>");
    for (Map.Entry<String, JsonNode> trait : traits.properties()) {
      JsonNode value = trait.getValue().path("value");
      // The history holds every value the trait had, the current one included.
      int earlier = Math.max(0, trait.getValue().path("history").size() - 1);
      out.append("<tr><td>")
          .append(Html.escape(trait.getKey()))
          .append("</td><td>")
          .append(Html.escape(value.isTextual() ? value.asText() : value.toString()))
          .append(
              earlier > 0
                  ? " <span class=\"muted\">("
                      + earlier
                      + (earlier == 1 ? " value" : " values")
                      + " before)</span>"
                  : "")
          .append("</td><td>")
          .append(Html.escape(trait.getValue().path("at").asText()))
          .append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** One line of the timeline: when, and its row's cells. */
  private record Line(String at, String row) {}

  private static String timelineTable(JsonNode timeline) {
    List<Line> lines = new ArrayList<>();
    // Flow lines first: at the same instant, what a flow did follows the event that caused it,
    // so it is the newer of the two, and the stable sort below keeps this order among ties.
    for (JsonNode a : timeline.path("flow")) {
      String flow = a.path("flow").asText();
      String outcome = a.path("outcome").asText();
      String step = a.has("step") ? " · " + Html.escape(a.path("step").asText()) : "";
      lines.add(
          new Line(
              a.path("at").asText(),
              "<td><span class=\"badge badge-flow-published\">flow</span></td><td><a href=\"/flows/"
                  + Html.escape(flow)
                  + "\">"
                  + Html.escape(flow)
                  + "</a> v"
                  + a.path("version").asInt()
                  + step
                  + " · "
                  + Html.escape(a.path("kind").asText())
                  + " <span class=\"badge "
                  + (HELD_BACK.contains(outcome) || HELD_BACK.contains(a.path("kind").asText())
                      ? "badge-overdue"
                      : "badge-current")
                  + " outcome\">"
                  + Html.escape(outcome.replace('_', ' '))
                  + "</span></td><td>"
                  + Html.escape(a.path("reason").asText())
                  + "</td>"));
    }
    for (JsonNode e : timeline.path("events")) {
      String what =
          Html.escape(e.path("type").asText())
              + (e.has("name")
                  ? " <strong>" + Html.escape(e.path("name").asText()) + "</strong>"
                  : "");
      lines.add(
          new Line(
              e.path("timestamp").asText(),
              "<td><span class=\"badge badge-kind\">event</span></td><td>"
                  + what
                  + "</td><td class=\"muted\">channel "
                  + Html.escape(e.path("channel").asText())
                  + "</td>"));
    }
    if (lines.isEmpty()) {
      return "<p class=\"summary\">Nothing yet.</p>";
    }
    lines.sort(Comparator.comparing((Line line) -> Instant.parse(line.at())).reversed());
    StringBuilder out =
        new StringBuilder(
            "<table class=\"timeline\"><thead><tr><th>When (UTC)</th><th></th><th>What</th>"
                + "<th>Why / where</th></tr></thead><tbody>");
    for (Line line : lines) {
      out.append("<tr><td>").append(Html.escape(line.at())).append("</td>").append(line.row());
      out.append("</tr>");
    }
    return out.append("</tbody></table>").toString();
  }
}
