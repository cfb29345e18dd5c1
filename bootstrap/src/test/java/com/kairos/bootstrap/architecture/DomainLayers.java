package com.kairos.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.kairos.domain.negotiation.Departure;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.negotiation.NegotiationSummary;
import com.kairos.domain.negotiation.Transition;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The domain's own layers, drawn from its classes' dependencies (same-package references included,
 * which imports alone would not show), from the bottom: {@code common}; {@code event}, {@code
 * device}, {@code user}; the negotiation's parts and helpers; the aggregate ({@link Negotiation}
 * and the {@link Transition} it returns, one level, as each names the other); what works on whole
 * negotiations ({@link Departure}, {@link NegotiationSummary}); {@code notification}. No dependency
 * runs back up.
 */
final class DomainLayers {
  private static final String COMMON = "com.kairos.domain.common..";
  private static final String NEGOTIATION = "com.kairos.domain.negotiation..";
  private static final String NOTIFICATION = "com.kairos.domain.notification..";
  private static final String[] LEAVES = {
    "com.kairos.domain.event..", "com.kairos.domain.device..", "com.kairos.domain.user.."
  };

  private DomainLayers() {}

  static final ArchRule PARTS_TAKE_VALUES_NOT_THE_AGGREGATE =
      noClasses()
          .that()
          .resideInAPackage(NEGOTIATION)
          .and(
              not(
                  belongToAnyOf(
                      Negotiation.class,
                      Transition.class,
                      Departure.class,
                      NegotiationSummary.class)))
          .should()
          .dependOnClassesThat(
              belongToAnyOf(
                  Negotiation.class, Transition.class, Departure.class, NegotiationSummary.class))
          .because("helpers take the values they need, so dependencies only point down");

  static final ArchRule THE_AGGREGATE_DOES_NOT_SEE_WHAT_USES_IT =
      noClasses()
          .that(belongToAnyOf(Negotiation.class, Transition.class))
          .should()
          .dependOnClassesThat(belongToAnyOf(Departure.class, NegotiationSummary.class))
          .because("what works on whole negotiations sits above the aggregate");

  static final ArchRule COMMON_IS_THE_BOTTOM =
      noClasses()
          .that()
          .resideInAPackage(COMMON)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(concat(LEAVES, NEGOTIATION, NOTIFICATION))
          .because("ids, blobs and refusals are what every other domain package builds on");

  static final ArchRule LEAVES_DO_NOT_SEE_NEGOTIATIONS =
      noClasses()
          .that()
          .resideInAnyPackage(LEAVES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(NEGOTIATION, NOTIFICATION)
          .because("events, devices and profiles know nothing of negotiations");

  static final ArchRule NEGOTIATIONS_DO_NOT_SEE_NOTIFICATIONS =
      noClasses()
          .that()
          .resideInAPackage(NEGOTIATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              NOTIFICATION, "com.kairos.domain.device..", "com.kairos.domain.user..")
          .because("who is told what is decided above the negotiation, from its transitions");

  static List<ArchRule> all() {
    return List.of(
        PARTS_TAKE_VALUES_NOT_THE_AGGREGATE,
        THE_AGGREGATE_DOES_NOT_SEE_WHAT_USES_IT,
        COMMON_IS_THE_BOTTOM,
        LEAVES_DO_NOT_SEE_NEGOTIATIONS,
        NEGOTIATIONS_DO_NOT_SEE_NOTIFICATIONS);
  }

  private static String[] concat(String[] first, String... rest) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(first), java.util.Arrays.stream(rest))
        .toArray(String[]::new);
  }
}
