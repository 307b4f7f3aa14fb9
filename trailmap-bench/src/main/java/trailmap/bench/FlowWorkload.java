package trailmap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trailmap.flows.Flow;
import trailmap.flows.format.FlowReadResult;
import trailmap.flows.format.FlowReader;

/**
 * The 20 live flows of the flow benchmark: the three example flows, each copied with its own id and
 * a different trigger event, and the event names a stream draws from (half trigger events, half
 * events no flow starts on, among them the examples' goal and exit events).
 */
final class FlowWorkload {
  static final List<String> TRIGGERS =
      List.of(
          "Trial Started",
          "Pricing Viewed",
          "Ticket Closed",
          "Order Completed",
          "Email Opened",
          "Ad Clicked",
          "Conversation Started",
          "Conversation Ended",
          "Call Completed",
          "Bank Account Connected",
          "Bank Connection Failed",
          "Review Read",
          "Post Clicked",
          "Survey Responded",
          "Invoice Sent",
          "Application Started",
          "Account Opened",
          "Checkout Started",
          "Product Viewed",
          "Card Activated");
  static final List<String> OTHERS =
      List.of(
          "Home",
          "Features",
          "Blog Post",
          "Sign In",
          "Subscribed",
          "Onboarding Completed",
          "Ticket Reopened",
          "Cart Viewed",
          "Settings",
          "Dashboard");
  static final List<String> EXAMPLES =
      List.of("welcome.yaml", "pricing-abandonment.yaml", "support-follow-up.yaml");
  private static final Pattern TRIGGER = Pattern.compile("trigger:\\n  event: [^\\n]+");
  private static final Pattern ID = Pattern.compile("(?m)^id: ([a-z0-9-]+)$");

  private FlowWorkload() {}

  /** The example flow file {@code name} from {@code examples/flows}. */
  static Flow example(Path examples, String name) {
    return read(name, text(examples.resolve(name)));
  }

  /** 20 flows: example {@code i % 3} with id {@code ID-i} and trigger {@code TRIGGERS[i]}. */
  static List<Flow> twenty(Path examples) {
    List<Flow> flows = new ArrayList<>();
    for (Document d : twentyDocuments(examples)) {
      flows.add(read(d.source(), d.text()));
    }
    return flows;
  }

  /** The documents of {@link #twenty}, for a flow store. */
  static List<Document> twentyDocuments(Path examples) {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < TRIGGERS.size(); i++) {
      String name = EXAMPLES.get(i % EXAMPLES.size());
      String text = text(examples.resolve(name));
      Matcher id = ID.matcher(text);
      if (!id.find() || !TRIGGER.matcher(text).find()) {
        throw new IllegalStateException(name + " has no top-level id or event trigger");
      }
      text = id.replaceFirst("id: " + id.group(1) + "-" + i);
      text = TRIGGER.matcher(text).replaceFirst("trigger:\n  event: " + TRIGGERS.get(i));
      documents.add(new Document(name, text));
    }
    return documents;
  }

  /** The text of an example flow file, as a flow store takes it. */
  static String exampleText(Path examples, String name) {
    return text(examples.resolve(name));
  }

  /** A flow document and the file it came from. */
  record Document(String source, String text) {}

  private static Flow read(String name, String text) {
    FlowReadResult result = FlowReader.read(name, text);
    return result
        .flow()
        .orElseThrow(() -> new IllegalStateException(name + ": " + result.problems()));
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + file + " (run from the repository root): " + e.getMessage(), e);
    }
  }
}
