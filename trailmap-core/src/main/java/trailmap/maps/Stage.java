package trailmap.maps;

import java.util.List;

/**
 * A phase of the journey (Awareness, Consideration, Purchase, Retention, Advocacy by default).
 *
 * @param description free text, empty when absent
 * @param touchpoints in the order customers usually meet them
 */
public record Stage(
    String id,
    String name,
    String description,
    List<String> goals,
    List<Kpi> kpis,
    List<Touchpoint> touchpoints) {

  public Stage {
    Ids.requireId(id, "stage");
    Ids.requireText(name, "stage name");
    description = description == null ? "" : description;
    goals = Ids.copy(goals);
    kpis = Ids.copy(kpis);
    touchpoints = Ids.copy(touchpoints);
  }
}
