package trailmap.profiles;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import trailmap.events.Event;
import trailmap.events.JunkIdentities;
import trailmap.maps.EventType;

/**
 * The identities an event carries, as {@link IdentityResolver} links them.
 *
 * <ul>
 *   <li>{@code userId} and {@code anonymousId};
 *   <li>an {@code alias}'s {@code previousId}, under both {@code userId} and {@code anonymousId}:
 *       Segment lets it be either, and naming both keeps the outcome independent of which events
 *       arrived first;
 *   <li>the {@code email} and {@code phone} traits, only when the event's source is trusted to link
 *       by them ({@link IdentityRules#trustedSources}), never from a {@code group} call (those
 *       traits describe the group); an email needs an {@code @}.
 * </ul>
 *
 * Junk values ({@link JunkIdentities#isJunk}) and values over 255 characters are left out: they
 * link nothing.
 */
public final class EventIdentities {
  private EventIdentities() {}

  /** The distinct, linkable identities of {@code event}, sorted by {@link Identity#ORDER}. */
  public static List<Identity> of(Event event, IdentityRules rules) {
    TreeSet<Identity> found = new TreeSet<>(Identity.ORDER);
    add(found, IdentityType.USER_ID, event.userId());
    add(found, IdentityType.ANONYMOUS_ID, event.anonymousId());
    if (event.type() == EventType.ALIAS) {
      add(found, IdentityType.USER_ID, event.previousId());
      add(found, IdentityType.ANONYMOUS_ID, event.previousId());
    }
    if (event.type() != EventType.GROUP && rules.trusts(event.source())) {
      add(
          found,
          IdentityType.EMAIL,
          event.traits().text("email").filter(email -> email.indexOf('@') > 0));
      add(found, IdentityType.PHONE, event.traits().text("phone"));
    }
    return List.copyOf(found);
  }

  private static void add(TreeSet<Identity> found, IdentityType type, Optional<String> value) {
    value
        .map(String::strip)
        .filter(v -> !JunkIdentities.isJunk(v) && v.length() <= Identity.MAX_VALUE_LENGTH)
        .ifPresent(v -> found.add(new Identity(type, v)));
  }
}
