package trailmap.demo;

/**
 * The frictions the generator plants, as figures tests and the demo can assert on. Each is a
 * probability the journeys draw against (so observed shares scatter around it), or a median of a
 * log-normal wait. docs/demo-data.md tells the story behind each.
 */
public final class PlantedFrictions {
  private PlantedFrictions() {}

  /** saas: share of Pricing page viewers who go on to start a trial (a third leave). */
  public static final double PRICING_TO_TRIAL = 2.0 / 3.0;

  /** saas: share of subscribers who contact support about a billing problem. */
  public static final double BILLING_ISSUE = 0.50;

  /**
   * saas and retail: share of support issues that take three contacts on three channels (chat, then
   * phone, then email, each with the same {@code issue} property) within {@link
   * #REPEAT_CONTACT_DAYS} days.
   */
  public static final double REPEAT_CONTACT = 0.45;

  /** The window, in days, within which the three contacts about one issue fall. */
  public static final int REPEAT_CONTACT_DAYS = 7;

  /** saas: median days from Trial Started to Bank Account Connected (the long wait). */
  public static final double TRIAL_TO_BANK_MEDIAN_DAYS = 3.0;

  /** bank: median days from Identity Verification Completed (web) to Account Opened. */
  public static final double IDENTITY_TO_ACCOUNT_MEDIAN_DAYS = 2.0;

  /**
   * saas: mean Customer Effort Score after billing support, on 1 (very easy) to 7 (very hard):
   * higher is more effort, as the template's CES KPI ({@code better: lower}) reads it.
   */
  public static final double BILLING_SUPPORT_CES_MEAN = 5.4;

  /** saas: share of billing-support CES responses with a (negative) comment. */
  public static final double BILLING_SUPPORT_COMMENT = 0.6;

  /** bank: share of started applications abandoned before the identity check. */
  public static final double APPLICATION_ABANDONED = 0.52;

  /** retail: share of started checkouts abandoned. */
  public static final double CHECKOUT_ABANDONED = 0.65;

  /** retail: mean CES after a return, 1-7, higher is more effort. */
  public static final double RETURNS_CES_MEAN = 5.0;
}
