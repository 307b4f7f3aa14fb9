package trailmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import trailmap.flows.Action;
import trailmap.flows.Flow;
import trailmap.flows.Message;
import trailmap.flows.Step;
import trailmap.flows.runtime.DraftResult;
import trailmap.flows.runtime.FlowStore;

/**
 * The example flows that {@code trailmap demo} publishes: examples/flows/ with the email templates
 * they name from examples/templates/, copies of which the jar holds under {@code
 * trailmap/examples/}.
 */
final class DemoFlows {
  /** Every file of examples/flows/, by flow id (DemoFlowsTest holds the two to each other). */
  static final List<String> FLOWS =
      List.of("welcome", "pricing-abandonment", "support-follow-up", "weekly-digest");

  private DemoFlows() {}

  /**
   * On a data directory whose flows.db holds no flow yet: stores each example's templates, then
   * creates and publishes it. Run before the server starts, so the flow runtime reads the whole
   * event log (the demo's generated history too) with the flows published. Answers the ids it
   * published, none when flows.db already held a flow (the demo ran before, or flows were made).
   * Their triggers accept events of any age ({@link #acceptingHistory}).
   */
  static List<String> publishOnFreshData(Path dataDir, Clock clock) {
    try (FlowStore store = FlowStore.open(dataDir, clock)) {
      if (!store.list().isEmpty()) {
        return List.of();
      }
      List<String> published = new ArrayList<>();
      for (String id : FLOWS) {
        String file = "flows/" + id + ".yaml";
        int version =
            switch (store.createDraft(file, acceptingHistory(file, resource(file)))) {
              case DraftResult.Created created -> created.version().version();
              case DraftResult.Invalid invalid ->
                  throw new IllegalStateException(
                      "the example flow " + file + " does not validate: " + invalid.problems());
            };
        for (String template : templates(store.load(id, version))) {
          store.saveTemplate(template, resource("templates/" + template + ".html"));
        }
        store.publish(id, version, false);
        published.add(id);
      }
      return published;
    }
  }

  /**
   * The example's document with {@code entry.maxTriggerAge: none}: the demo's events are 90 days of
   * generated history, which a live flow's default (a trigger at most a day old) would keep out of
   * every flow. Each example has an {@code entry:} block at the top level.
   */
  static String acceptingHistory(String file, String document) {
    String entry = "\nentry:\n";
    int at = document.indexOf(entry);
    if (at < 0) {
      throw new IllegalStateException(
          "the example flow " + file + " has no top-level entry: block");
    }
    int after = at + entry.length();
    return document.substring(0, after)
        + "  maxTriggerAge: none  # trailmap demo: its generated history enters the flows too\n"
        + document.substring(after);
  }

  /** The email templates the flow's steps name, in step order. */
  static Set<String> templates(Flow flow) {
    Set<String> names = new LinkedHashSet<>();
    for (Step step : flow.steps()) {
      if (step instanceof Action action && action.act() instanceof Message.Email email) {
        names.add(email.template());
      }
    }
    return names;
  }

  /** A file of examples/ as the jar holds it. */
  static String resource(String path) {
    String name = "/trailmap/examples/" + path;
    try (InputStream in = DemoFlows.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
