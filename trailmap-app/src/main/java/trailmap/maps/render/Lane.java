package trailmap.maps.render;

/** The rows of the journey map grid, top to bottom. */
enum Lane {
  TOUCHPOINTS("Touchpoints"),
  /** Only when the map is drawn with live figures. */
  LIVE("Live data"),
  ACTIONS("Actions"),
  THOUGHTS("Thoughts"),
  EMOTIONS("Emotions"),
  PAIN_POINTS("Pain points"),
  OPPORTUNITIES("Opportunities"),
  KPIS("KPIs"),
  BACKSTAGE("Backstage");

  private final String title;

  Lane(String title) {
    this.title = title;
  }

  /** The lane's name as printed in the label column. */
  String title() {
    return title;
  }
}
