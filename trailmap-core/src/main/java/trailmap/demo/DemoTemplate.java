package trailmap.demo;

/** The map templates the generator writes journeys for, with their share of profiles. */
public enum DemoTemplate {
  /** B2B accounting software: Alex from a LinkedIn ad to referring a peer. */
  SAAS("saas", "saas-current", "alex", 0.40),
  /** Omnichannel retail with store visits, click &amp; collect and returns: Maya. */
  RETAIL("retail", "retail-current", "maya", 0.35),
  /** Current account opening at a bank: Priya. */
  BANK("bank", "bank-current", "priya", 0.25);

  private final String wireName;
  private final String mapId;
  private final String persona;
  private final double share;

  DemoTemplate(String wireName, String mapId, String persona, double share) {
    this.wireName = wireName;
    this.mapId = mapId;
    this.persona = persona;
    this.share = share;
  }

  /** The template's name as {@code trailmap map new --template} takes it. */
  public String wireName() {
    return wireName;
  }

  /** The id of the template's current-state map, whose matchers the events satisfy. */
  public String mapId() {
    return mapId;
  }

  /** The id of the template's persona, set as the {@code persona} trait. */
  public String persona() {
    return persona;
  }

  /** The share of generated profiles on this template, between 0 and 1; the shares sum to 1. */
  public double share() {
    return share;
  }
}
