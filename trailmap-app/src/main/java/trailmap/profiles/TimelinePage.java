package trailmap.profiles;

import java.util.List;
import java.util.Optional;

/** Events in time order (ties in log order) and, when more follow, the cursor of the next page. */
public record TimelinePage(List<StoredEvent> events, Optional<String> next) {
  public TimelinePage {
    events = List.copyOf(events);
  }
}
