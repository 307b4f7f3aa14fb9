package trailmap.maps;

import java.util.ArrayList;
import java.util.List;

/** A persona under construction in a {@link MapFixture}. */
final class PersonaFixture {
  final String id;
  String name;
  String description = "";
  final List<String> goals = new ArrayList<>();
  final List<String> motivations = new ArrayList<>();

  PersonaFixture(String id) {
    this.id = id;
    this.name = "Persona " + id;
  }

  PersonaFixture name(String value) {
    name = value;
    return this;
  }

  Persona build() {
    return new Persona(id, name, description, goals, motivations);
  }
}
