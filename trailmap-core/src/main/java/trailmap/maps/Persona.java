package trailmap.maps;

import java.util.List;

/**
 * A representative customer the map is drawn for, e.g. "Alex, small business owner".
 *
 * @param description free text, empty when absent
 */
public record Persona(
    String id, String name, String description, List<String> goals, List<String> motivations) {

  public Persona {
    Ids.requireId(id, "persona");
    Ids.requireText(name, "persona name");
    description = description == null ? "" : description;
    goals = Ids.copy(goals);
    motivations = Ids.copy(motivations);
  }
}
