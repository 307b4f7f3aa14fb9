package trailmap.flows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holds the profile until something happens, then continues with {@code next} (or ends the flow
 * when empty). Goals and exits are still checked while a profile waits.
 */
public record Wait(String id, Until until, Optional<String> next) implements Step {
  public Wait {
    Names.requireId(id, "step");
    Names.require(until, "wait '" + id + "' until");
    next = next == null ? Optional.empty() : next;
  }

  @Override
  public List<String> targets() {
    List<String> out = new ArrayList<>();
    next.ifPresent(out::add);
    if (until instanceof Until.Event event) {
      event.onTimeout().filter(t -> !out.contains(t)).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** What a wait waits for. */
  public sealed interface Until {

    /** A fixed time, positive. */
    record Elapsed(Duration duration) implements Until {
      public Elapsed {
        Names.require(duration, "wait duration");
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("a wait duration must be positive, was " + duration);
        }
      }
    }

    /** The next time the profile's local clock shows this time (strictly after now). */
    record TimeOfDay(LocalTime time) implements Until {
      public TimeOfDay {
        Names.require(time, "wait time of day");
      }
    }

    /**
     * This local date and time in the profile's zone; a profile arriving after it goes straight on.
     */
    record Date(LocalDate date, LocalTime time) implements Until {
      public Date {
        Names.require(date, "wait date");
        time = time == null ? LocalTime.MIDNIGHT : time;
      }
    }

    /**
     * A matching event, for at most {@code timeout}: the event continues with the wait's {@code
     * next}, the timeout with {@code onTimeout} (the flow ends when empty).
     */
    record Event(EventMatch match, Duration timeout, Optional<String> onTimeout) implements Until {
      public Event {
        Names.require(match, "wait event");
        Names.require(timeout, "wait timeout");
        onTimeout = onTimeout == null ? Optional.empty() : onTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
          throw new IllegalArgumentException(
              "a wait for '" + match.event() + "' needs a positive timeout, was " + timeout);
        }
      }
    }
  }
}
