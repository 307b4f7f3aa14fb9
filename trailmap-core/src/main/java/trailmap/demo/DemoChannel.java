package trailmap.demo;

import java.util.Map;
import trailmap.events.JsonValue;

/**
 * The ten channels generated events arrive on, each with the source (the system that sends it)
 * recorded on the event.
 */
public enum DemoChannel {
  ADS("ads", "ad-network"),
  WEB("web", "website"),
  EMAIL("email", "email-platform"),
  CHAT("chat", "support-desk"),
  PHONE("phone", "contact-centre"),
  STORE("store", "point-of-sale"),
  APP("app", "mobile-app"),
  SOCIAL("social", "social-networks"),
  SMS("sms", "sms-gateway"),
  REVIEW("review", "review-sites");

  private final String wireName;
  private final String source;
  private final JsonValue.Obj context;

  DemoChannel(String wireName, String source) {
    this.wireName = wireName;
    this.source = source;
    this.context = new JsonValue.Obj(Map.of("channel", new JsonValue.Str(wireName)));
  }

  /** The channel as events carry it ({@code context.channel}). */
  public String wireName() {
    return wireName;
  }

  /** The source recorded on the channel's events. */
  public String source() {
    return source;
  }

  /** {@code {"channel": wireName}}, shared by every event of the channel. */
  JsonValue.Obj context() {
    return context;
  }
}
