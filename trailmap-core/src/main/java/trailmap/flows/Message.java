package trailmap.flows;

/**
 * A message to the customer on a channel, under a topic the customer can unsubscribe from. The
 * recipient is read from a trait of the profile; a profile without it is not sent the message.
 */
public sealed interface Message extends Act permits Message.Email, Message.Sms, Message.Push {

  /** {@code email}, {@code sms} or {@code push}: the channel of caps and consent. */
  String channel();

  /** The subscription topic, e.g. {@code onboarding}, {@code product-tips}. */
  String topic();

  /** The trait holding the address. */
  String toTrait();

  /** An email over SMTP; subject and template are rendered with the profile's traits. */
  record Email(String template, String subject, String toTrait, String topic) implements Message {
    public Email {
      Names.requireText(template, "email template");
      Names.requireText(subject, "email subject");
      toTrait = toTrait == null ? "email" : Names.requireText(toTrait, "email 'to' trait");
      Names.requireId(topic, "email topic");
    }

    @Override
    public String channel() {
      return "email";
    }
  }

  /** A text message through a webhook provider configured under {@code provider}. */
  record Sms(String provider, String body, String toTrait, String topic) implements Message {
    public Sms {
      Names.requireId(provider, "sms provider");
      Names.requireText(body, "sms body");
      toTrait = toTrait == null ? "phone" : Names.requireText(toTrait, "sms 'to' trait");
      Names.requireId(topic, "sms topic");
    }

    @Override
    public String channel() {
      return "sms";
    }
  }

  /** A push notification through a webhook provider configured under {@code provider}. */
  record Push(String provider, String title, String body, String toTrait, String topic)
      implements Message {
    public Push {
      Names.requireId(provider, "push provider");
      Names.requireText(title, "push title");
      Names.requireText(body, "push body");
      toTrait = toTrait == null ? "pushToken" : Names.requireText(toTrait, "push 'to' trait");
      Names.requireId(topic, "push topic");
    }

    @Override
    public String channel() {
      return "push";
    }
  }
}
