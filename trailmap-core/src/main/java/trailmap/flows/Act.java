package trailmap.flows;

import trailmap.maps.Scalar;

/** What an {@link Action} does. {@link Message}s are subject to consent, caps and quiet hours. */
public sealed interface Act permits Message, Act.Webhook, Act.UpdateTrait, Act.Segment {

  /**
   * Calls a URL (an integration, not a message to the customer: not capped, no consent). The body
   * is a template rendered with the profile's traits and the triggering event.
   */
  record Webhook(String url, String method, String bodyTemplate) implements Act {
    public Webhook {
      Names.requireText(url, "webhook url");
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new IllegalArgumentException(
            "webhook url must start with https:// or http://, was '" + url + "'");
      }
      method = method == null ? "POST" : method;
      if (!java.util.List.of("POST", "PUT", "PATCH", "GET", "DELETE").contains(method)) {
        throw new IllegalArgumentException(
            "webhook method must be one of POST, PUT, PATCH, GET, DELETE, was '" + method + "'");
      }
      bodyTemplate = bodyTemplate == null ? "" : bodyTemplate;
    }
  }

  /** Sets a trait of the profile to a value. */
  record UpdateTrait(String trait, Scalar value) implements Act {
    public UpdateTrait {
      Names.requireText(trait, "trait name");
      Names.require(value, "value of trait '" + trait + "'");
    }
  }

  /** Adds the profile to a segment ({@code add}) or removes it. */
  record Segment(String segmentId, boolean add) implements Act {
    public Segment {
      Names.requireId(segmentId, "segment");
    }
  }
}
