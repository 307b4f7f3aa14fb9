package trailmap.maps;

import java.util.Optional;

/** A KPI under construction in a {@link MapFixture}: no target, no current, higher is better. */
final class KpiFixture {
  final String id;
  String name;
  String metric = "";
  Optional<Double> target = Optional.empty();
  Optional<Double> current = Optional.empty();
  String unit = "";
  Kpi.Direction better = Kpi.Direction.HIGHER;

  KpiFixture(String id) {
    this.id = id;
    this.name = "KPI " + id;
  }

  KpiFixture name(String value) {
    name = value;
    return this;
  }

  KpiFixture target(Double value) {
    target = Optional.ofNullable(value);
    return this;
  }

  KpiFixture current(Double value) {
    current = Optional.ofNullable(value);
    return this;
  }

  KpiFixture unit(String value) {
    unit = value;
    return this;
  }

  KpiFixture better(Kpi.Direction value) {
    better = value;
    return this;
  }

  Kpi build() {
    return new Kpi(id, name, metric, target, unit, current, better);
  }
}
