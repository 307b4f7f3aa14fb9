package trailmap.analytics.funnel;

import java.util.ArrayList;
import java.util.List;

/**
 * A funnel question. Build one with {@link #builder}:
 *
 * <pre>{@code
 * FunnelQuery query =
 *     FunnelQuery.builder(List.of(FunnelStep.event("Signed Up"), FunnelStep.event("Paid")))
 *         .order(FunnelOrder.ORDERED)
 *         .window(ConversionWindow.parse("14d"))
 *         .build();
 * }</pre>
 *
 * <p>Defaults: {@link FunnelOrder#ORDERED}, a 14-day window, every entry time, no exclusions, no
 * breakdown, every event and profile.
 *
 * @param steps one to {@link #MAX_STEPS} steps
 * @param exclusions each within the steps ({@code toStep} at most the last step's index)
 * @param maxSeries how many breakdown values get their own series (by entry count); the rest are
 *     merged into {@link Breakdown#OTHER_VALUE}; 1 to 1000
 */
public record FunnelQuery(
    List<FunnelStep> steps,
    FunnelOrder order,
    ConversionWindow window,
    TimeRange range,
    List<Exclusion> exclusions,
    Breakdown breakdown,
    int maxSeries,
    StepMatcher eventFilter,
    ProfileMatcher profileFilter) {

  /** The most steps a funnel may have; the engine keeps a step set in one int. */
  public static final int MAX_STEPS = 30;

  /** The default cap on breakdown series. */
  public static final int DEFAULT_MAX_SERIES = 20;

  public FunnelQuery {
    steps = List.copyOf(steps);
    exclusions = List.copyOf(exclusions);
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException(
          "a funnel needs 1 to %d steps, has %d".formatted(MAX_STEPS, steps.size()));
    }
    if (exclusions.size() > MAX_STEPS) {
      throw new IllegalArgumentException(
          "a funnel may have at most %d exclusions, has %d"
              .formatted(MAX_STEPS, exclusions.size()));
    }
    for (Exclusion exclusion : exclusions) {
      if (exclusion.toStep() >= steps.size()) {
        throw new IllegalArgumentException(
            "exclusion '%s': toStep %d is outside the steps (0 to %d); steps are numbered from 0"
                .formatted(exclusion.name(), exclusion.toStep(), steps.size() - 1));
      }
    }
    if (maxSeries < 1 || maxSeries > 1000) {
      throw new IllegalArgumentException("maxSeries must be between 1 and 1000, was " + maxSeries);
    }
    if (order == null || window == null || range == null || breakdown == null) {
      throw new IllegalArgumentException("order, window, range and breakdown must be given");
    }
    if (eventFilter == null || profileFilter == null) {
      throw new IllegalArgumentException("event and profile filters must be given (or any())");
    }
  }

  /** A builder with the defaults above. */
  public static Builder builder(List<FunnelStep> steps) {
    return new Builder(steps);
  }

  /** Builds a {@link FunnelQuery}; not thread-safe. */
  public static final class Builder {
    private final List<FunnelStep> steps;
    private FunnelOrder order = FunnelOrder.ORDERED;
    private ConversionWindow window = ConversionWindow.DEFAULT;
    private TimeRange range = TimeRange.ALL;
    private final List<Exclusion> exclusions = new ArrayList<>();
    private Breakdown breakdown = new Breakdown.None();
    private int maxSeries = DEFAULT_MAX_SERIES;
    private StepMatcher eventFilter = StepMatcher.any();
    private ProfileMatcher profileFilter = ProfileMatcher.any();

    private Builder(List<FunnelStep> steps) {
      this.steps = List.copyOf(steps);
    }

    public Builder order(FunnelOrder value) {
      this.order = value;
      return this;
    }

    public Builder window(ConversionWindow value) {
      this.window = value;
      return this;
    }

    public Builder range(TimeRange value) {
      this.range = value;
      return this;
    }

    public Builder exclude(Exclusion value) {
      this.exclusions.add(value);
      return this;
    }

    public Builder breakdown(Breakdown value) {
      this.breakdown = value;
      return this;
    }

    public Builder maxSeries(int value) {
      this.maxSeries = value;
      return this;
    }

    public Builder eventFilter(StepMatcher value) {
      this.eventFilter = value;
      return this;
    }

    public Builder profileFilter(ProfileMatcher value) {
      this.profileFilter = value;
      return this;
    }

    public FunnelQuery build() {
      return new FunnelQuery(
          steps,
          order,
          window,
          range,
          exclusions,
          breakdown,
          maxSeries,
          eventFilter,
          profileFilter);
    }
  }
}
