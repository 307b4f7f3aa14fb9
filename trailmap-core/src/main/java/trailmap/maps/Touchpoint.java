package trailmap.maps;

import java.util.List;
import java.util.Optional;

/**
 * A named interaction point inside a stage, on one channel, with the lanes of the classic journey
 * map grid.
 *
 * @param channel open set: web, mobile, email, sms, push, chat, phone, store, social, ads, ...
 * @param matcher which events are this touchpoint; empty for a touchpoint not yet instrumented
 * @param emotions one per persona at most; an emotion without a persona applies to all personas
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
