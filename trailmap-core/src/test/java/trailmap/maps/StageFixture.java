package trailmap.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A stage under construction in a {@link MapFixture}; touchpoints and KPIs are get-or-create. */
final class StageFixture {
  final String id;
  String name;
  String description = "";
  final List<String> goals = new ArrayList<>();
  final List<KpiFixture> kpis = new ArrayList<>();
  final List<TouchpointFixture> touchpoints = new ArrayList<>();

  StageFixture(String id) {
    this.id = id;
    this.name = "Stage " + id;
  }

  StageFixture name(String value) {
    name = value;
    return this;
  }

  StageFixture goal(String text) {
    goals.add(text);
    return this;
  }

  KpiFixture kpi(String kpiId) {
    return MapFixture.find(kpis, k -> k.id, kpiId, () -> new KpiFixture(kpiId));
  }

  StageFixture kpi(String kpiId, Consumer<KpiFixture> edit) {
    edit.accept(kpi(kpiId));
    return this;
  }

  TouchpointFixture touchpoint(String touchpointId) {
    return MapFixture.find(
        touchpoints, t -> t.id, touchpointId, () -> new TouchpointFixture(touchpointId));
  }

  StageFixture touchpoint(String touchpointId, Consumer<TouchpointFixture> edit) {
    edit.accept(touchpoint(touchpointId));
    return this;
  }

  StageFixture removeTouchpoint(String touchpointId) {
    touchpoints.removeIf(t -> t.id.equals(touchpointId));
    return this;
  }

  /** Puts the touchpoint at a 0-based index of this stage's touchpoints. */
  StageFixture moveTouchpoint(String touchpointId, int index) {
    TouchpointFixture tp = touchpoint(touchpointId);
    touchpoints.remove(tp);
    touchpoints.add(index, tp);
    return this;
  }

  Stage build() {
    return new Stage(
        id,
        name,
        description,
        goals,
        kpis.stream().map(KpiFixture::build).toList(),
        touchpoints.stream().map(TouchpointFixture::build).toList());
  }
}
