package trailmap.demo;

import static trailmap.demo.Journey.obj;

import trailmap.events.JsonValue;

/**
 * Maya and her peers (template {@code retail-current}): an Instagram promotion, the newsletter or a
 * store visit; products online, a stock check, checkout online or at the till, click &amp; collect,
 * returns with repeat contacts, loyalty points and reviews.
 */
final class RetailJourney {
  private RetailJourney() {}

  private static final JsonValue.Obj INSTAGRAM =
      obj("network", "instagram", "campaign", "spring-edit");
  private static final JsonValue.Obj NEWSLETTER = obj("campaign", "newsletter");
  private static final JsonValue.Obj ORDER_READY = obj("campaign", "order-ready");
  private static final JsonValue.Obj CART_REMINDER = obj("campaign", "cart-reminder");
  private static final JsonValue.Obj HOME = obj("path", "/");
  private static final String[] CATEGORIES = {"jackets", "shoes", "knitwear", "bags", "denim"};
  private static final String[] STORES = {"london-oxford-st", "manchester", "amsterdam", "berlin"};
  private static final JsonValue.Obj[] PRODUCTS = new JsonValue.Obj[40];
  private static final double[] PICKUP_CSAT = {0.06, 0.10, 0.22, 0.34, 0.28};
  private static final double[] CHAT_CSAT = {0.12, 0.16, 0.22, 0.30, 0.20};

  /** CES 1..7 after a return; mean about {@link PlantedFrictions#RETURNS_CES_MEAN}. */
  private static final double[] RETURNS_CES = {0.03, 0.06, 0.09, 0.13, 0.24, 0.25, 0.20};

  private static final String[] RETURN_COMMENTS = {
    "The store could not refund an online order.",
    "Queued twenty minutes at the returns desk.",
    "My refund took two weeks to show up.",
    "Nobody could tell me where my refund was."
  };

  static {
    for (int i = 0; i < PRODUCTS.length; i++) {
      PRODUCTS[i] =
          obj(
              "productId", "SKU-" + (1000 + i),
              "category", CATEGORIES[i % CATEGORIES.length],
              "price", 29 + (i * 7) % 120);
    }
  }

  static void run(Journey j) {
    double roll = j.random.nextDouble();
    if (roll < 0.35) {
      // a loyalty member walking past the window scans her card at the till
      j.identify(DemoChannel.STORE, j.traits(DemoTemplate.RETAIL, "member"));
      inStore(j);
      return;
    }
    boolean app = j.chance(0.3);
    if (app) {
      j.startInApp(); // the promotion or the newsletter link opens the app
    }
    if (roll < 0.75) {
      j.track(DemoChannel.SOCIAL, "Promotion Clicked", INSTAGRAM);
    } else {
      j.known();
      j.track(DemoChannel.EMAIL, "Email Link Clicked", NEWSLETTER);
    }
    j.seconds(4);
    if (app) {
      j.screen("Home", HOME);
    } else {
      j.page("Home", HOME);
    }
    if (j.identified()) {
      j.identify(
          app ? DemoChannel.APP : DemoChannel.WEB, j.traits(DemoTemplate.RETAIL, "newsletter"));
    }
    int views = 2 + j.random.nextInt(6);
    for (int i = 0; i < views; i++) {
      j.minutes(1.5);
      j.track(app ? DemoChannel.APP : DemoChannel.WEB, "Product Viewed", j.pick(PRODUCTS));
    }
    if (j.chance(0.3)) {
      j.minutes(1);
      j.track(
          app ? DemoChannel.APP : DemoChannel.WEB,
          "Store Stock Checked",
          obj("store", j.pick(STORES)));
      if (j.chance(0.55)) {
        j.days(1);
        identifyIfNew(j, DemoChannel.STORE);
        j.track(DemoChannel.STORE, "Store Visited", obj("store", j.pick(STORES)));
        if (j.chance(0.5)) {
          j.minutes(15);
          storeOrder(j);
        }
      }
      return;
    }
    if (!j.chance(0.6)) {
      return; // just browsing
    }
    j.minutes(2);
    j.track(
        app ? DemoChannel.APP : DemoChannel.WEB,
        "Checkout Started",
        obj("items", 1 + j.random.nextInt(3)));
    if (j.chance(PlantedFrictions.CHECKOUT_ABANDONED)) {
      if (j.identified() && j.chance(0.5)) {
        j.hours(20);
        j.track(DemoChannel.EMAIL, "Email Opened", CART_REMINDER);
      }
      return;
    }
    j.minutes(3);
    identifyIfNew(j, app ? DemoChannel.APP : DemoChannel.WEB);
    boolean collect = j.chance(0.4);
    JsonValue.Obj product = j.pick(PRODUCTS);
    j.track(
        app ? DemoChannel.APP : DemoChannel.WEB,
        "Order Completed",
        obj(
            "category",
            "retail",
            "fulfilment",
            collect ? "click-collect" : "delivery",
            "revenue",
            product.get("price").map(v -> ((JsonValue.Num) v).value()).orElse(49.0),
            "currency",
            "EUR"));
    if (collect) {
      j.hours(5);
      if (j.chance(0.5)) {
        j.track(DemoChannel.EMAIL, "Email Opened", ORDER_READY);
      } else {
        j.track(DemoChannel.SMS, "SMS Delivered", ORDER_READY);
      }
      j.days(1.5);
      j.track(DemoChannel.STORE, "Order Picked Up", obj("store", j.pick(STORES)));
      if (j.chance(0.4)) {
        j.minutes(30);
        j.survey(DemoChannel.SMS, "csat", j.score(PICKUP_CSAT, 1), "click-collect", null);
      }
      if (j.chance(0.4)) {
        j.track(DemoChannel.STORE, "Loyalty Points Earned", obj("points", 50));
      }
    } else if (j.chance(0.1)) {
      j.track(DemoChannel.WEB, "Loyalty Points Earned", obj("points", 50));
    }
    afterPurchase(j);
  }

  private static void identifyIfNew(Journey j, DemoChannel channel) {
    if (!j.identified()) {
      j.identify(channel, j.traits(DemoTemplate.RETAIL, "member"));
    }
  }

  private static void inStore(Journey j) {
    j.track(DemoChannel.STORE, "Store Visited", obj("store", j.pick(STORES)));
    if (j.chance(0.6)) {
      j.minutes(20);
      storeOrder(j);
    }
  }

  private static void storeOrder(Journey j) {
    identifyIfNew(j, DemoChannel.STORE);
    j.track(
        DemoChannel.STORE,
        "Order Completed",
        obj(
            "category",
            "retail",
            "fulfilment",
            "in-store",
            "revenue",
            60 + j.random.nextInt(90),
            "currency",
            "EUR"));
    if (j.chance(0.8)) {
      j.track(DemoChannel.STORE, "Loyalty Points Earned", obj("points", 60));
    }
    afterPurchase(j);
  }

  /** Returns (with repeat contacts about a missing refund), reviews and the next visit. */
  private static void afterPurchase(Journey j) {
    if (j.chance(0.18)) {
      j.days(6);
      returnOrder(j);
    }
    if (j.chance(0.12)) {
      j.days(10);
      j.track(DemoChannel.REVIEW, "Product Reviewed", obj("rating", 2 + j.random.nextInt(4)));
    }
    if (j.chance(0.45)) {
      j.days(20);
      j.track(DemoChannel.EMAIL, "Email Link Clicked", NEWSLETTER);
      j.seconds(4);
      j.page("Home", HOME);
      int views = 1 + j.random.nextInt(4);
      for (int i = 0; i < views; i++) {
        j.minutes(1.5);
        j.track(DemoChannel.WEB, "Product Viewed", j.pick(PRODUCTS));
      }
    }
  }

  private static void returnOrder(Journey j) {
    j.track(DemoChannel.STORE, "Order Refunded", obj("store", j.pick(STORES), "reason", "size"));
    if (j.chance(0.6)) {
      j.minutes(10);
      String comment = j.chance(0.5) ? j.pick(RETURN_COMMENTS) : null;
      j.survey(DemoChannel.EMAIL, "ces", j.score(RETURNS_CES, 1), "returns", comment);
    }
    if (!j.chance(0.35)) {
      return;
    }
    // The refund does not arrive: chat, and for some a call and an email about the same issue.
    String issue = "RET-" + Long.toHexString(j.random.nextLong() >>> 24);
    boolean repeat = j.chance(PlantedFrictions.REPEAT_CONTACT);
    j.days(4);
    j.track(
        DemoChannel.CHAT,
        "Ticket Closed",
        obj("category", "returns", "issue", issue, "topic", "refund-missing", "resolved", !repeat));
    if (j.chance(0.5)) {
      j.minutes(4);
      j.survey(DemoChannel.CHAT, "csat", j.score(CHAT_CSAT, 1), "customer-service", null);
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
            "returns",
            "issue",
            issue,
            "topic",
            "refund-missing",
            "waitMinutes",
            5 + j.random.nextInt(20)));
    j.hoursBetween(12, 60);
    j.track(
        DemoChannel.EMAIL,
        "Ticket Closed",
        obj("category", "returns", "issue", issue, "topic", "refund-missing", "resolved", true));
  }
}
