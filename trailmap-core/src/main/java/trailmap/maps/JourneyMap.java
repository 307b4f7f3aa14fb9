package trailmap.maps;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A customer journey map: who (personas), the phases they go through (stages) and the interaction
 * points inside each stage (touchpoints with their lanes).
 *
 * <p>A future-state map names the current-state map it improves on in {@link #improves()}. The
 * {@code owner} and {@code reviewBy} date exist because stale maps are what kills journey mapping
 * in practice: the UI flags a map whose review date has passed.
 *
 * @param description free text, empty when absent
 * @param owner who answers for this map, empty when absent
 * @param personas at least one
 * @param stages at least one, in journey order
 */
public record JourneyMap(
    String id,
    String name,
    MapState state,
    String description,
    String owner,
    Optional<LocalDate> reviewBy,
    Optional<String> improves,
    List<Persona> personas,
    List<Stage> stages) {

  public JourneyMap {
    Ids.requireId(id, "map");
    Ids.requireText(name, "map name");
    if (state == null) {
      throw new IllegalArgumentException("map state must be 'current' or 'future'");
    }
    description = description == null ? "" : description;
    owner = owner == null ? "" : owner;
    reviewBy = reviewBy == null ? Optional.empty() : reviewBy;
    improves = improves == null ? Optional.empty() : improves;
    personas = Ids.copy(personas);
    stages = Ids.copy(stages);
  }

  /** Every touchpoint of every stage, in journey order. */
  public Stream<Touchpoint> touchpoints() {
    return stages.stream().flatMap(stage -> stage.touchpoints().stream());
  }

  /** The stage with this id, if the map has one. */
  public Optional<Stage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  /** The touchpoint with this id, in any stage. */
  public Optional<Touchpoint> touchpoint(String touchpointId) {
    return touchpoints().filter(t -> t.id().equals(touchpointId)).findFirst();
  }

  /** True when the map has a review date and it is before {@code today}. */
  public boolean isStale(LocalDate today) {
    return reviewBy.map(date -> date.isBefore(today)).orElse(false);
  }
}
