package trailmap.flows.runtime;

/** Flow documents for runtime tests (the welcome flow of examples/flows/welcome.yaml). */
final class FlowDocuments {
  private FlowDocuments() {}

  static final String WELCOME =
      """
      id: welcome
      name: Welcome to the trial
      priority: 6
      topic: onboarding
      trigger:
        event: Trial Started
      entry:
        reentry: false
      steps:
        - id: welcome-email
          email:
            template: welcome
            subject: "Welcome to Trailmap, {{ traits.firstName | default: 'there' }}"
            to: email
        - id: wait-2-days
          wait: 2d
        - id: onboarded
          split:
            branches:
              - if: {did: Onboarding Completed}
                next: end
            otherwise: tips-email
        - id: tips-email
          email:
            template: onboarding-tips
            subject: Three tips to get your first journey live
            topic: product-tips
      goals:
        - id: subscribed
          event: Subscribed
      """;

  static final String WELCOME_TEMPLATE =
      "<p>Hello {{traits.firstName | default: 'there'}}, welcome!</p>"
          + "<p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>";

  static final String TIPS_TEMPLATE = "<p>Tips for {{traits.firstName}}</p>";
}
