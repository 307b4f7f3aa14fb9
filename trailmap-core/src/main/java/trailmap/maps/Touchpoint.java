package trailmap.maps;

import java.util.List;
import java.util.Optional;

/**
 * A named interaction point inside a stage, on one channel, with the lanes of the classic journey
 * map grid.
 *
 * @param channel open set: web, mobile, email, sms, push, chat, phone, store, social, ads, ...
 * @param matcher which events are this touchpoint; empty for a touchpoint not yet instrumented
 * @param emotions either one emotion without a persona (it applies to every persona) or one per
 *     persona, each naming it
 * @param backstage the processes and teams behind this touchpoint (service blueprint)
 */
public record Touchpoint(
    String id,
    String name,
    String channel,
    Optional<Matcher> matcher,
    List<String> actions,
    List<String> thoughts,
    List<Emotion> emotions,
    List<PainPoint> painPoints,
    List<String> opportunities,
    List<Kpi> kpis,
    List<String> backstage) {

  public Touchpoint {
    Ids.requireId(id, "touchpoint");
    Ids.requireText(name, "touchpoint name");
    Ids.requireText(channel, "touchpoint channel");
    matcher = matcher == null ? Optional.empty() : matcher;
    actions = Ids.copy(actions);
    thoughts = Ids.copy(thoughts);
    emotions = Ids.copy(emotions);
    if (emotions.size() > 1 && emotions.stream().anyMatch(e -> e.persona().isEmpty())) {
      throw new IllegalArgumentException(
          "touchpoint '" + id + "' has several emotions; each must name its persona");
    }
    if (emotions.stream().map(Emotion::persona).distinct().count() < emotions.size()) {
      throw new IllegalArgumentException(
          "touchpoint '" + id + "' has two emotions for the same persona");
    }
    painPoints = Ids.copy(painPoints);
    opportunities = Ids.copy(opportunities);
    kpis = Ids.copy(kpis);
    backstage = Ids.copy(backstage);
  }

  /**
   * The emotion this persona feels here: its own entry, else the entry without a persona, else
   * empty.
   */
  public Optional<Emotion> emotionFor(String personaId) {
    return emotions.stream()
        .filter(e -> e.persona().map(personaId::equals).orElse(false))
        .findFirst()
        .or(() -> emotions.stream().filter(e -> e.persona().isEmpty()).findFirst());
  }
}
