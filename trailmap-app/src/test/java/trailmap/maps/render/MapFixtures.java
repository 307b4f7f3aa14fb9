package trailmap.maps.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.maps.Emotion;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.MapState;
import trailmap.maps.PainPoint;
import trailmap.maps.Persona;
import trailmap.maps.Severity;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/** Maps built from the core records, for the rendering tests. */
final class MapFixtures {
  static final Persona ALEX =
      new Persona(
          "alex",
          "Alex",
          "Small business owner doing her own books.",
          List.of("Close the month in an hour"),
          List.of("Less time on admin"));
  static final Persona SAM =
      new Persona("sam", "Sam", "Bookkeeper for five clients.", List.of("One tool for all"), null);

  private MapFixtures() {}

  /** A realistic current-state SaaS map: 4 stages, 9 touchpoints, 2 personas. */
  static JourneyMap saas() {
    return new JourneyMap(
        "saas-current",
        "B2B SaaS accounting — current state",
        MapState.CURRENT,
        "How Alex finds, tries and buys our accounting product today.",
        "CX team",
        Optional.of(LocalDate.of(2027, 3, 31)),
        Optional.empty(),
        List.of(ALEX, SAM),
        List.of(
            new Stage(
                "awareness",
                "Awareness",
                "Alex learns that we exist.",
                List.of(),
                List.of(kpi("ad-ctr", "Ad click-through", 1.2, 0.8, "%")),
                List.of(
                    touchpoint(
                        "linkedin-ad",
                        "LinkedIn ad",
                        "ads",
                        List.of("Scrolls the feed", "Clicks the ad"),
                        List.of("Could this save me time?"),
                        List.of(both(1, "curious")),
                        List.of(
                            pain(
                                "The ad promises more than the trial shows",
                                Severity.MEDIUM,
                                "Marketing")),
                        List.of("Show a 30-second product video"),
                        List.of(),
                        List.of("Paid social team", "Ad agency")),
                    touchpoint(
                        "blog",
                        "Blog article on closing the month",
                        "web",
                        List.of("Reads the article"),
                        List.of(),
                        List.of(both(1, "informed")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("Content team")))),
            new Stage(
                "consideration",
                "Consideration",
                "",
                List.of(),
                List.of(),
                List.of(
                    touchpoint(
                        "pricing",
                        "Pricing page",
                        "web",
                        List.of("Compares plans", "Looks for the price of payroll"),
                        List.of("Why is payroll an add-on?", "Is there a catch?"),
                        List.of(alex(-1, "unsure"), sam(0, "neutral")),
                        List.of(
                            pain(
                                "Payroll price only shown after sign-up",
                                Severity.HIGH,
                                "Pricing team")),
                        List.of("Show payroll in every plan's price"),
                        List.of(kpi("pricing-exit", "Pricing exit rate", 40.0, 55.0, "%")),
                        List.of("Web team")),
                    touchpoint(
                        "demo-call",
                        "Demo call",
                        "phone",
                        List.of("Books a call", "Asks about bank feeds"),
                        List.of("They understand small businesses"),
                        List.of(alex(2, "confident")),
                        List.of(),
                        List.of("Offer same-day demo slots"),
                        List.of(),
                        List.of("Sales", "Calendar tool")))),
            new Stage(
                "purchase",
                "Purchase",
                "Trial to paid.",
                List.of(),
                List.of(kpi("trial-paid", "Trial → paid", 25.0, 12.0, "%")),
                List.of(
                    touchpoint(
                        "signup",
                        "Sign-up form",
                        "web",
                        List.of("Fills in company details"),
                        List.of(),
                        List.of(alex(0, "patient"), sam(-1, "annoyed")),
                        List.of(
                            pain(
                                "Asks for the VAT number before showing anything",
                                Severity.MEDIUM,
                                "Product")),
                        List.of("Ask for the VAT number later"),
                        List.of(),
                        List.of()),
                    touchpoint(
                        "welcome-email",
                        "Welcome email",
                        "email",
                        List.of("Opens the email"),
                        List.of("Where do I start?"),
                        List.of(both(0, "")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("Lifecycle marketing")),
                    touchpoint(
                        "bank-connect",
                        "Connect bank account",
                        "mobile",
                        List.of("Connects the bank", "Waits for transactions"),
                        List.of("Why does this take a day?"),
                        List.of(alex(-2, "frustrated"), sam(-2, "frustrated")),
                        List.of(
                            pain(
                                "Bank feed takes 24 hours to appear",
                                Severity.CRITICAL,
                                "Bank integration")),
                        List.of("Import the last 90 days at once"),
                        List.of(kpi("connect-rate", "Bank connected in trial", 80.0, null, "%")),
                        List.of("Integrations team", "Open banking provider")))),
            new Stage(
                "retention",
                "Retention",
                "",
                List.of(),
                List.of(kpi("churn", "Monthly churn", 2.0, 3.5, "%")),
                List.of(
                    touchpoint(
                        "month-close",
                        "Month-end close",
                        "web",
                        List.of("Reconciles", "Exports the report"),
                        List.of("That was quick"),
                        List.of(alex(2, "relieved")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                    touchpoint(
                        "support-chat",
                        "Support chat",
                        "chat",
                        List.of("Asks about VAT returns"),
                        List.of(),
                        List.of(sam(1, "helped")),
                        List.of(pain("Answers take 2 hours", Severity.LOW, "Support")),
                        List.of(),
                        List.of(),
                        List.of("Support team"))))));
  }

  /** A map of {@code stages} stages with {@code perStage} touchpoints each, text of all lengths. */
  static JourneyMap large(int stages, int perStage) {
    String[] channels = {
      "web", "mobile", "email", "sms", "chat", "push", "phone", "store", "social", "ads", "kiosk"
    };
    List<Stage> list = new ArrayList<>();
    int n = 0;
    for (int s = 0; s < stages; s++) {
      List<Touchpoint> touchpoints = new ArrayList<>();
      for (int t = 0; t < perStage; t++, n++) {
        List<Emotion> emotions = new ArrayList<>();
        if (n % 7 != 3) {
          emotions.add(alex(((n * 3) % 5) - 2, n % 2 == 0 ? "calm" : "a bit impatient"));
        }
        if (n % 5 != 1) {
          emotions.add(sam(((n * 2 + 1) % 5) - 2, "ok"));
        }
        touchpoints.add(
            touchpoint(
                "tp-" + n,
                "Touchpoint " + n + (n % 3 == 0 ? " with a longer name" : ""),
                channels[n % channels.length],
                List.of(
                    "Action " + n,
                    "Does something that takes a whole sentence to say "
                        + "because real teams write like this"),
                n % 2 == 0 ? List.of("Thinking about step " + n) : List.of(),
                emotions,
                n % 4 == 0
                    ? List.of(
                        pain(
                            "Pain " + n + ": waits too long for an answer",
                            Severity.values()[n % 4 == 0 ? (n / 4) % 4 : 0],
                            "Ops"))
                    : List.of(),
                n % 3 == 0 ? List.of("Opportunity " + n) : List.of(),
                n % 6 == 0 ? List.of(kpi("k" + n, "KPI " + n, 50.0, 33.3, "%")) : List.of(),
                List.of("Team " + (n % 4))));
      }
      list.add(
          new Stage(
              "stage-" + s,
              "Stage " + s + " of the journey",
              "",
              List.of(),
              s % 2 == 0 ? List.of(kpi("s" + s, "Stage KPI " + s, 10.0, 8.0, "days")) : List.of(),
              touchpoints));
    }
    return new JourneyMap(
        "large",
        "A large journey map (" + stages + " stages)",
        MapState.FUTURE,
        "Stress test.",
        "Journey team",
        Optional.of(LocalDate.of(2026, 1, 1)),
        Optional.of("large-current"),
        List.of(ALEX, SAM),
        list);
  }

  /** One stage, one touchpoint, with {@code text} everywhere a map has free text. */
  static JourneyMap withTextEverywhere(String text) {
    Persona persona = new Persona("p", text, text, List.of(text), List.of(text));
    Touchpoint touchpoint =
        touchpoint(
            "tp",
            text,
            "web",
            List.of(text),
            List.of(text),
            List.of(new Emotion(Optional.empty(), 1, text)),
            List.of(pain(text, Severity.HIGH, text)),
            List.of(text),
            List.of(new Kpi("k", text, text, Optional.of(1.0), text, Optional.empty(), null)),
            List.of(text));
    return new JourneyMap(
        "hostile",
        text,
        MapState.CURRENT,
        text,
        text,
        Optional.empty(),
        Optional.empty(),
        List.of(persona),
        List.of(new Stage("s", text, text, List.of(text), List.of(), List.of(touchpoint))));
  }

  static Touchpoint touchpoint(
      String id,
      String name,
      String channel,
      List<String> actions,
      List<String> thoughts,
      List<Emotion> emotions,
      List<PainPoint> pains,
      List<String> opportunities,
      List<Kpi> kpis,
      List<String> backstage) {
    return new Touchpoint(
        id,
        name,
        channel,
        Optional.empty(),
        actions,
        thoughts,
        emotions,
        pains,
        opportunities,
        kpis,
        backstage);
  }

  static Emotion both(int score, String label) {
    return new Emotion(Optional.empty(), score, label);
  }

  static Emotion alex(int score, String label) {
    return new Emotion(Optional.of("alex"), score, label);
  }

  static Emotion sam(int score, String label) {
    return new Emotion(Optional.of("sam"), score, label);
  }

  static PainPoint pain(String text, Severity severity, String backstage) {
    return new PainPoint(text, severity, List.of(backstage), Optional.empty());
  }

  static Kpi kpi(String id, String name, Double target, Double current, String unit) {
    return new Kpi(
        id,
        name,
        "",
        Optional.ofNullable(target),
        unit,
        Optional.ofNullable(current),
        Kpi.Direction.HIGHER);
  }
}
