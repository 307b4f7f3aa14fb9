package trailmap.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A touchpoint under construction in a {@link MapFixture}; list methods append. */
final class TouchpointFixture {
  final String id;
  String name;
  String channel = "web";
  Optional<Matcher> matcher = Optional.empty();
  final List<String> actions = new ArrayList<>();
  final List<String> thoughts = new ArrayList<>();
  final List<Emotion> emotions = new ArrayList<>();
  final List<PainPoint> painPoints = new ArrayList<>();
  final List<String> opportunities = new ArrayList<>();
  final List<KpiFixture> kpis = new ArrayList<>();
  final List<String> backstage = new ArrayList<>();

  TouchpointFixture(String id) {
    this.id = id;
    this.name = "Touchpoint " + id;
  }

  TouchpointFixture name(String value) {
    name = value;
    return this;
  }

  TouchpointFixture channel(String value) {
    channel = value;
    return this;
  }

  /** Matches a track event with this name. */
  TouchpointFixture matchEvent(String event) {
    matcher =
        Optional.of(
            new Matcher(
                Optional.of(event), Optional.of(EventType.TRACK), Optional.empty(), List.of()));
    return this;
  }

  TouchpointFixture action(String text) {
    actions.add(text);
    return this;
  }

  TouchpointFixture thought(String text) {
    thoughts.add(text);
    return this;
  }

  TouchpointFixture opportunity(String text) {
    opportunities.add(text);
    return this;
  }

  TouchpointFixture backstage(String text) {
    backstage.add(text);
    return this;
  }

  /** Sets the emotion of a persona ({@code null}: of every persona), replacing an older one. */
  TouchpointFixture emotion(String persona, int score, String label) {
    Optional<String> key = Optional.ofNullable(persona);
    emotions.removeIf(e -> e.persona().equals(key));
    emotions.add(new Emotion(key, score, label));
    return this;
  }

  /** Adds a pain point, or replaces the one with the same text where it stands. */
  TouchpointFixture painPoint(PainPoint painPoint) {
    int index =
        painPoints.indexOf(
            painPoints.stream()
                .filter(p -> p.text().equals(painPoint.text()))
                .findFirst()
                .orElse(null));
    if (index < 0) {
      painPoints.add(painPoint);
    } else {
      painPoints.set(index, painPoint);
    }
    return this;
  }

  TouchpointFixture painPoint(String text, Severity severity) {
    return painPoint(new PainPoint(text, severity, List.of(), Optional.empty()));
  }

  KpiFixture kpi(String kpiId) {
    return MapFixture.find(kpis, k -> k.id, kpiId, () -> new KpiFixture(kpiId));
  }

  TouchpointFixture kpi(String kpiId, Consumer<KpiFixture> edit) {
    edit.accept(kpi(kpiId));
    return this;
  }

  Touchpoint build() {
    return new Touchpoint(
        id,
        name,
        channel,
        matcher,
        actions,
        thoughts,
        emotions,
        painPoints,
        opportunities,
        kpis.stream().map(KpiFixture::build).toList(),
        backstage);
  }
}
