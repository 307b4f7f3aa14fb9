package trailmap.demo;

import static trailmap.demo.Journey.DAY;
import static trailmap.demo.Journey.HOUR;
import static trailmap.demo.Journey.obj;

import trailmap.events.JsonValue;

/**
 * Alex and her peers (template {@code saas-current}): an ad or a blog post, case studies and
 * pricing, a trial, the bank feed, a subscription, month-end closes, billing support, surveys and
 * referrals. Event names and properties are exactly those of the template's matchers.
 */
final class SaasJourney {
  private SaasJourney() {}

  private static final JsonValue.Obj LINKEDIN_AD =
      obj("network", "linkedin", "campaign", "close-your-books-in-an-hour");
  private static final JsonValue.Obj GOOGLE_AD =
      obj("network", "google", "campaign", "accounting-software-small-business");
  private static final JsonValue.Obj HOME = obj("path", "/");
  private static final JsonValue.Obj[] BLOG_POSTS = {
    obj("path", "/blog/month-end-close-checklist", "category", "bookkeeping"),
    obj("path", "/blog/vat-deadlines-calendar", "category", "bookkeeping"),
    obj("path", "/blog/invoice-reminders-that-work", "category", "bookkeeping"),
    obj("path", "/blog/hiring-your-first-employee", "category", "payroll")
  };
  private static final JsonValue.Obj CASE_STUDIES = obj("path", "/customers");
  private static final JsonValue.Obj PRICING = obj("path", "/pricing");
  private static final JsonValue.Obj FEATURES = obj("path", "/features");
  private static final JsonValue.Obj SALES_CHAT = obj("team", "sales");
  private static final JsonValue.Obj TRIAL = obj("plan", "trial", "trialDays", 30);
  private static final JsonValue.Obj[] ONBOARDING = new JsonValue.Obj[5];
  private static final JsonValue.Obj RENEWAL = obj("campaign", "renewal");
  private static final JsonValue.Obj PNL = obj("report", "profit-and-loss");
  private static final JsonValue.Obj VAT_REPORT = obj("report", "vat-return");
  private static final JsonValue.Obj DASHBOARD = obj("section", "overview");
  private static final JsonValue.Obj INVOICE = obj("template", "standard");
  private static final JsonValue.Obj REFERRAL = obj("source", "referral-program");
  private static final String[] BANKS = {
    "Barclays", "HSBC", "ING", "Deutsche Bank", "Rabobank", "BNP Paribas", "Santander", "Monzo"
  };
  private static final String[] SMALL_BANKS = {"Volksbank Mittelhessen", "Triodos", "Nationwide"};
  private static final String[][] PLANS = {{"starter", "12"}, {"standard", "26"}, {"plus", "42"}};
  private static final String[] REVIEW_SITES = {"g2", "capterra"};

  /** CES 1..7 at billing support; mean about {@link PlantedFrictions#BILLING_SUPPORT_CES_MEAN}. */
  static final double[] BILLING_CES = {0.02, 0.04, 0.07, 0.10, 0.22, 0.30, 0.25};

  private static final double[] BILLING_CALL_CSAT = {0.22, 0.24, 0.19, 0.22, 0.13};
  private static final double[] NPS = {
    0.03, 0.02, 0.03, 0.04, 0.05, 0.07, 0.09, 0.15, 0.17, 0.19, 0.16
  };
  private static final String[] BILLING_COMMENTS = {
    "I was charged twice and had to explain it three times.",
    "The chat could not see my invoice, so I had to call.",
    "Took days to get a refund for a double charge.",
    "Nobody in chat can fix billing. Why have chat at all?",
    "Had to repeat everything to the phone agent.",
    "Still waiting for the credit note I was promised."
  };
  private static final String[] PROMOTER_COMMENTS = {
    "Month-end close takes me an hour now.",
    "Bank feed and invoicing just work.",
    "My accountant loves the exports."
  };
  private static final String[] DETRACTOR_COMMENTS = {
    "I like the app, I dread the support.",
    "Billing support is slow and keeps sending me to the phone line.",
    "The price went up without warning.",
    "Setting up the bank feed was a nightmare."
  };

  static {
    for (int i = 0; i < ONBOARDING.length; i++) {
      ONBOARDING[i] = obj("campaign", "onboarding", "step", i + 1);
    }
  }

  static void run(Journey j) {
    arrive(j);
    j.minutes(2);
    boolean trial = j.chance(PlantedFrictions.PRICING_TO_TRIAL);
    if (j.chance(0.4)) {
      j.page("Features", FEATURES);
      j.minutes(2);
    }
    if (j.chance(0.45)) {
      j.page("Case Studies", CASE_STUDIES);
      j.minutes(3);
    }
    if (!j.chance(0.85)) {
      j.page("Features", FEATURES);
      return; // never reached pricing
    }
    j.page("Pricing", PRICING);
    // Pre-sales chat is where the undecided go; most of them leave anyway.
    if (j.chance(trial ? 0.10 : 0.40)) {
      j.minutes(2);
      j.track(DemoChannel.CHAT, "Conversation Started", SALES_CHAT);
      j.minutes(6);
      j.track(DemoChannel.CHAT, "Conversation Ended", SALES_CHAT);
    }
    if (!trial) {
      if (j.chance(0.3)) {
        j.minutes(1);
        j.page("Features", FEATURES);
      }
      return; // the planted friction: a third leave after the pricing page
    }
    if (j.chance(0.3)) {
      j.days(1); // slept on it
      j.page("Pricing", PRICING);
    }
    j.minutes(4);
    j.track(DemoChannel.WEB, "Trial Started", TRIAL);
    j.identify(DemoChannel.WEB, j.traits(DemoTemplate.SAAS, "trial"));
    onboard(j);
  }

  private static void arrive(Journey j) {
    double roll = j.random.nextDouble();
    if (roll < 0.45) {
      j.track(DemoChannel.ADS, "Ad Clicked", j.chance(0.85) ? LINKEDIN_AD : GOOGLE_AD);
      j.seconds(3);
      j.page("Home", HOME);
    } else if (roll < 0.75) {
      j.page("Blog Post", j.pick(BLOG_POSTS));
      if (j.chance(0.3)) {
        j.minutes(4);
        j.page("Blog Post", j.pick(BLOG_POSTS));
      }
    } else if (roll < 0.85) {
      j.track(DemoChannel.REVIEW, "Review Read", obj("site", j.pick(REVIEW_SITES)));
      j.minutes(3);
      j.page("Home", HOME);
    } else if (roll < 0.92) {
      j.track(DemoChannel.SOCIAL, "Post Clicked", obj("network", "linkedin", "post", "peer-story"));
      j.seconds(3);
      j.page("Home", HOME);
    } else {
      j.page("Home", HOME);
    }
  }

  /** The trial: onboarding emails around the bank feed, which takes days (the long wait). */
  private static void onboard(Journey j) {
    long trialAt = j.now();
    boolean connects = j.chance(0.65);
    long connectAt =
        trialAt + j.lognormal((long) (PlantedFrictions.TRIAL_TO_BANK_MEDIAN_DAYS * DAY), 0.5);
    long[] emailOffsets = {HOUR, DAY, 3 * DAY, 6 * DAY, 10 * DAY};
    boolean connected = false;
    for (int i = 0; i < emailOffsets.length; i++) {
      long at = trialAt + emailOffsets[i] + j.random.nextLong(HOUR);
      if (connects && !connected && connectAt < at) {
        connectBank(j, connectAt);
        connected = true;
      }
      j.until(at);
      if (j.chance(i < 2 ? 0.55 : 0.3)) {
        j.hours(2);
        j.track(DemoChannel.EMAIL, "Email Opened", ONBOARDING[i]);
      }
    }
    if (connects && !connected) {
      connectBank(j, connectAt);
    }
    if (!connects) {
      j.track(
          DemoChannel.WEB,
          "Bank Connection Failed",
          obj("bank", j.pick(SMALL_BANKS), "fallback", "csv"));
    }
    if (j.chance(0.35)) {
      j.hours(6);
      j.screen("Sign In", JsonValue.Obj.EMPTY);
      j.seconds(30);
      j.identify(DemoChannel.APP, obj("email", j.customer.email()));
    }
    if (!j.chance(connects ? 0.65 : 0.08)) {
      return; // the trial lapses
    }
    j.days(3);
    String[] plan = PLANS[j.score(new double[] {0.3, 0.5, 0.2}, 0)];
    j.track(
        DemoChannel.WEB,
        "Order Completed",
        obj(
            "category",
            "subscription",
            "plan",
            plan[0],
            "revenue",
            Integer.parseInt(plan[1]),
            "currency",
            "EUR"));
    j.identify(DemoChannel.WEB, obj("plan", plan[0]));
    retain(j);
  }

  private static void connectBank(Journey j, long at) {
    j.until(at);
    j.track(DemoChannel.WEB, "Bank Account Connected", obj("bank", j.pick(BANKS)));
    invoices(j, 1 + j.random.nextInt(3), DemoChannel.WEB);
  }

  private static void invoices(Journey j, int count, DemoChannel channel) {
    for (int i = 0; i < count; i++) {
      j.hours(5);
      j.track(channel, "Invoice Sent", INVOICE);
    }
  }

  /** Subscribers: month-end closes, one billing issue for some, the renewal notice, surveys. */
  private static void retain(Journey j) {
    boolean billingIssue = j.chance(PlantedFrictions.BILLING_ISSUE);
    int issueMonth = j.random.nextInt(2);
    boolean app = j.inApp();
    for (int month = 0; month < 4 && !j.ended(); month++) {
      j.days(month == 0 ? 12 : 28);
      if (app) {
        j.screen("Dashboard", DASHBOARD);
        j.minutes(20);
      }
      invoices(j, 1 + j.random.nextInt(3), app ? DemoChannel.APP : DemoChannel.WEB);
      if (j.chance(0.85)) {
        j.days(1);
        j.track(app && j.chance(0.3) ? DemoChannel.APP : DemoChannel.WEB, "Report Generated", PNL);
      }
      if (j.chance(0.25)) {
        j.minutes(10);
        j.track(DemoChannel.WEB, "Report Generated", VAT_REPORT);
      }
      if (billingIssue && month == issueMonth) {
        j.days(2);
        billingSupport(j);
      }
      if (month == 1) {
        j.days(3);
        nps(j);
      }
      if (month == 2 && j.chance(0.6)) {
        j.days(5);
        j.track(DemoChannel.EMAIL, "Email Opened", RENEWAL);
      }
    }
  }

  /**
   * A billing problem: a chat that cannot fix it; for {@link PlantedFrictions#REPEAT_CONTACT} of
   * them a phone call and an email follow about the same issue within days.
   */
  private static void billingSupport(Journey j) {
    String issue = "BIL-" + Long.toHexString(j.random.nextLong() >>> 24);
    boolean repeat = j.chance(PlantedFrictions.REPEAT_CONTACT);
    String topic = j.chance(0.6) ? "double-charge" : "invoice-missing";
    j.track(
        DemoChannel.CHAT,
        "Conversation Started",
        obj("team", "support", "category", "billing", "issue", issue));
    j.minutes(14);
    j.track(
        DemoChannel.CHAT,
        "Ticket Closed",
        obj("category", "billing", "issue", issue, "topic", topic, "resolved", !repeat));
    if (j.chance(0.8)) {
      j.minutes(5);
      int ces = j.score(BILLING_CES, 1);
      String comment =
          j.chance(PlantedFrictions.BILLING_SUPPORT_COMMENT) ? j.pick(BILLING_COMMENTS) : null;
      j.survey(DemoChannel.CHAT, "ces", ces, "billing-support", comment);
    }
    if (!repeat) {
      return;
    }
    j.hoursBetween(4, 40);
    j.track(
        DemoChannel.PHONE,
        "Call Completed",
        obj(
            "queue",
            "billing",
            "issue",
            issue,
            "topic",
            topic,
            "waitMinutes",
            6 + j.random.nextInt(18),
            "resolved",
            false));
    if (j.chance(0.5)) {
      j.minutes(3);
      j.survey(DemoChannel.PHONE, "csat", j.score(BILLING_CALL_CSAT, 1), "billing-call", null);
    }
    j.hoursBetween(12, 60);
    j.track(
        DemoChannel.EMAIL,
        "Ticket Closed",
        obj("category", "billing", "issue", issue, "topic", topic, "resolved", true));
  }

  private static void nps(Journey j) {
    if (!j.chance(0.4)) {
      return;
    }
    int score = j.score(NPS, 0);
    String comment =
        j.chance(0.5)
            ? (score >= 9
                ? j.pick(PROMOTER_COMMENTS)
                : score <= 6 ? j.pick(DETRACTOR_COMMENTS) : null)
            : null;
    j.survey(DemoChannel.EMAIL, "nps", score, "nps-survey", comment);
    if (score >= 9 && j.chance(0.1)) {
      j.minutes(30);
      j.track(DemoChannel.WEB, "Invite Sent", REFERRAL);
    }
    if (score >= 8 && j.chance(0.15)) {
      j.days(2);
      j.track(
          DemoChannel.REVIEW,
          "Review Written",
          obj("site", j.pick(REVIEW_SITES), "rating", score >= 9 ? 5 : 4));
    }
  }
}
