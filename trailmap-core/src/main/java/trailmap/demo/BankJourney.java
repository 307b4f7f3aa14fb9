package trailmap.demo;

import static trailmap.demo.Journey.DAY;
import static trailmap.demo.Journey.obj;

import trailmap.events.JsonValue;

/**
 * Priya and her peers (template {@code bank-current}): an ad or a friend's referral link, the
 * account page and eligibility check, the application with an identity check online or at a branch,
 * the wait for approval, first deposit, card activation by phone, first payment, salary switch and
 * support.
 */
final class BankJourney {
  private BankJourney() {}

  private static final JsonValue.Obj[] ADS = {
    obj("network", "meta", "campaign", "spring-current-account"),
    obj("network", "google", "campaign", "switch-current-account")
  };
  private static final JsonValue.Obj HOME = obj("path", "/");
  private static final JsonValue.Obj ACCOUNT_PAGE = obj("path", "/current-account");
  private static final JsonValue.Obj FEES = obj("path", "/current-account/fees");
  private static final JsonValue.Obj CODE = obj("purpose", "application");
  private static final JsonValue.Obj REMINDER = obj("campaign", "application-reminder");
  private static final JsonValue.Obj FIRST = obj("first", true, "amount", 500);
  private static final JsonValue.Obj FIRST_PAYMENT = obj("first", true, "merchant", "grocery");
  private static final JsonValue.Obj ACCOUNTS = obj("section", "overview");
  private static final String[] BRANCHES = {"leeds-central", "bristol", "glasgow", "cardiff"};

  /** CES 1..7 at card activation by phone, mean about 5.4 (the template's hypothesis: ≥ 5). */
  private static final double[] ACTIVATION_CES = {0.02, 0.03, 0.06, 0.10, 0.23, 0.31, 0.25};

  private static final double[] CHAT_CSAT = {0.08, 0.12, 0.20, 0.35, 0.25};
  private static final String[] ACTIVATION_COMMENTS = {
    "Forty minutes on hold to activate a card.",
    "Why can't I activate the card in the app?",
    "The automated line did not recognise my card number."
  };

  static void run(Journey j) {
    double roll = j.random.nextDouble();
    if (roll < 0.45) {
      j.track(DemoChannel.ADS, "Ad Clicked", j.pick(ADS));
      j.seconds(3);
    } else if (roll < 0.65) {
      j.track(DemoChannel.SOCIAL, "Referral Link Opened", obj("referrer", "friend"));
      j.seconds(3);
    } else {
      j.page("Home", HOME);
      j.minutes(1);
    }
    if (j.chance(0.9)) {
      j.page("Current Account", ACCOUNT_PAGE);
      j.minutes(3);
    }
    if (j.chance(0.4)) {
      j.page("Fees", FEES);
      j.minutes(2);
    }
    if (j.chance(0.7)) {
      boolean eligible = j.chance(0.9);
      j.track(DemoChannel.WEB, "Eligibility Checked", obj("eligible", eligible));
      if (!eligible) {
        return;
      }
      j.minutes(2);
    }
    if (!j.chance(0.75)) {
      return;
    }
    j.track(DemoChannel.WEB, "Application Started", obj("product", "current-account"));
    j.identify(DemoChannel.WEB, j.traits(DemoTemplate.BANK, "applicant"));
    j.seconds(40);
    j.track(DemoChannel.SMS, "Verification Code Sent", CODE);
    if (j.chance(PlantedFrictions.APPLICATION_ABANDONED)) {
      if (j.chance(0.4)) {
        j.days(2);
        j.track(DemoChannel.EMAIL, "Email Opened", REMINDER);
      }
      return;
    }
    boolean branch = j.chance(0.3);
    if (branch) {
      j.days(4);
      j.track(
          DemoChannel.STORE,
          "Identity Verification Completed",
          obj("method", "branch", "branch", j.pick(BRANCHES)));
      if (j.chance(0.38)) {
        return; // sent to a branch, never opened the account
      }
      j.days(1);
    } else {
      j.minutes(12);
      j.track(DemoChannel.WEB, "Identity Verification Completed", obj("method", "selfie"));
      // the long wait: manual review of online identity checks
      j.until(
          j.now()
              + j.lognormal((long) (PlantedFrictions.IDENTITY_TO_ACCOUNT_MEDIAN_DAYS * DAY), 0.5));
    }
    String plan = j.chance(0.2) ? "premium-account" : "current-account";
    j.track(DemoChannel.EMAIL, "Account Opened", obj("product", plan));
    j.identify(DemoChannel.WEB, obj("plan", plan));
    activate(j);
  }

  private static void activate(Journey j) {
    if (j.chance(0.6)) {
      j.hours(10);
      j.screen("Sign In", JsonValue.Obj.EMPTY);
      j.seconds(40);
      j.identify(DemoChannel.APP, obj("email", j.customer.email()));
      j.screen("Accounts", ACCOUNTS);
    }
    if (j.chance(0.55)) {
      j.days(2);
      j.track(
          j.inApp() && j.chance(0.5) ? DemoChannel.APP : DemoChannel.WEB,
          "Deposit Completed",
          FIRST);
    }
    if (!j.chance(0.85)) {
      return;
    }
    j.days(5); // the card arrives by post
    j.track(DemoChannel.PHONE, "Card Activated", obj("line", "automated"));
    if (j.chance(0.45)) {
      j.minutes(2);
      String comment = j.chance(0.5) ? j.pick(ACTIVATION_COMMENTS) : null;
      j.survey(DemoChannel.SMS, "ces", j.score(ACTIVATION_CES, 1), "card-activation", comment);
    }
    if (j.chance(0.7)) {
      j.days(2);
      j.track(DemoChannel.STORE, "Card Payment Authorized", FIRST_PAYMENT);
    }
    if (j.chance(0.25)) {
      j.days(14);
      j.track(DemoChannel.WEB, "Account Switch Completed", obj("from", "another-bank"));
    }
    for (int i = j.inApp() ? j.random.nextInt(6) : 0; i > 0; i--) {
      j.days(4);
      j.screen("Accounts", ACCOUNTS);
    }
    if (j.chance(0.2)) {
      j.days(10);
      j.track(DemoChannel.CHAT, "Ticket Closed", obj("category", "cards", "resolved", true));
      if (j.chance(0.5)) {
        j.minutes(3);
        j.survey(DemoChannel.CHAT, "csat", j.score(CHAT_CSAT, 1), "support-chat", null);
      }
    }
  }
}
