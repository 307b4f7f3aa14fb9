package trailmap.analytics.conformance;

import java.util.List;

/** One way a journey departs from a map's order. Stages and touchpoints are named by id. */
public sealed interface Deviation {

  /** A short name of the kind, as the JSON answer writes it, e.g. {@code skipped-stage}. */
  String kind();

  /** One line for people, e.g. {@code moved back from purchase to awareness}. */
  String describe();

  /**
   * A forward move from stage {@code from} to stage {@code to} over stages the profile had not
   * reached before.
   *
   * @param skipped those stages, in map order; at least one
   */
  record SkippedStage(String from, String to, List<String> skipped) implements Deviation {
    public SkippedStage {
      skipped = List.copyOf(skipped);
      if (skipped.isEmpty()) {
        throw new IllegalArgumentException(
            "a skip from " + from + " to " + to + " names at least one skipped stage");
      }
    }

    @Override
    public String kind() {
      return "skipped-stage";
    }

    @Override
    public String describe() {
      return "went from " + from + " to " + to + " without " + String.join(", ", skipped);
    }
  }

  /** A move from a later stage back to an earlier one. */
  record BackwardMove(String from, String to) implements Deviation {
    @Override
    public String kind() {
      return "backward-move";
    }

    @Override
    public String describe() {
      return "moved back from " + from + " to " + to;
    }
  }

  /** An event that matches no touchpoint of the map, named by its event name. */
  record NotOnMap(String event) implements Deviation {
    @Override
    public String kind() {
      return "not-on-map";
    }

    @Override
    public String describe() {
      return "event not on the map: " + event;
    }
  }

  /**
   * Within one stage, a move to a touchpoint the map puts earlier; only checked when {@link
   * ConformanceRules#touchpointOrder()} is on.
   */
  record BackwardTouchpoint(String stage, String from, String to) implements Deviation {
    @Override
    public String kind() {
      return "backward-touchpoint";
    }

    @Override
    public String describe() {
      return "in " + stage + ", moved back from " + from + " to " + to;
    }
  }
}
