package com.kairos.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.kairos.domain.common.DomainException;
import com.kairos.domain.negotiation.RefusalVisitor;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/** The dependency rules of architecture.md, as ArchUnit rules over {@code com.kairos}. */
final class ArchitectureRules {
  static final String DOMAIN = "com.kairos.domain..";
  static final String APPLICATION = "com.kairos.application..";
  static final List<String> ADAPTERS =
      List.of("com.kairos.http..", "com.kairos.postgres..", "com.kairos.firebase..");
  static final String[] FRAMEWORKS = {
    "io.javalin..",
    "org.jdbi..",
    "com.fasterxml.jackson..",
    "com.google.firebase..",
    "org.flywaydb..",
    "io.opentelemetry.."
  };

  private ArchitectureRules() {}

  static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", DOMAIN)
          .because("the domain is dependency-free");

  static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_SLF4J_ONLY =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "javax.crypto..", "org.slf4j..", DOMAIN, APPLICATION)
          .because("use cases see the domain and logging, nothing else");

  static final ArchRule NO_FRAMEWORK_TYPES_IN_THE_CORE =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS)
          .because("Javalin, Jdbi, Jackson, Firebase, Flyway and OpenTelemetry stay outside");

  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("com.kairos.(**)").should().beFreeOfCycles();

  static final ArchRule ONLY_THE_HTTP_ADAPTER_SEES_JAVALIN =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.kairos.http..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.javalin..")
          .because("Javalin is the HTTP adapter's business alone");

  /**
   * Tracing is wiring: the HTTP adapter reads the caller's trace context and opens the request's
   * span (OpenTelemetry's API only); bootstrap owns the SDK and wraps the ports. The core and the
   * other adapters never see it.
   */
  static final ArchRule ONLY_HTTP_AND_BOOTSTRAP_SEE_OPENTELEMETRY =
      noClasses()
          .that()
          .resideOutsideOfPackages("com.kairos.http..", "com.kairos.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.opentelemetry..")
          .because("tracing is wired around the ports, not inside them");

  static final ArchRule ONLY_BOOTSTRAP_SEES_THE_OPENTELEMETRY_SDK =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.kairos.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.opentelemetry.sdk..")
          .because("whether and where spans are exported is configuration");

  /**
   * Every concrete domain refusal is final and has its own {@link RefusalVisitor} method, so the
   * HTTP error mapper (which implements the visitor) cannot compile without handling it.
   */
  static final ArchRule EVERY_REFUSAL_HAS_A_VISITOR_METHOD =
      classes()
          .that()
          .areAssignableTo(DomainException.class)
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .should(beFinalWithAVisitorMethod())
          .because("a refusal no mapper handles would reach a client as a 500");

  private static ArchCondition<JavaClass> beFinalWithAVisitorMethod() {
    return new ArchCondition<>("be final and have a RefusalVisitor method of its own") {
      @Override
      public void check(JavaClass refusal, ConditionEvents events) {
        boolean handled =
            Arrays.stream(RefusalVisitor.class.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .anyMatch(
                    m ->
                        m.getParameterCount() == 1
                            && m.getParameterTypes()[0].getName().equals(refusal.getName()));
        if (!refusal.getModifiers().contains(JavaModifier.FINAL) || !handled) {
          events.add(
              SimpleConditionEvent.violated(
                  refusal, refusal.getName() + " is not final or has no method in RefusalVisitor"));
        }
      }
    };
  }

  static final ArchRule THE_DOMAIN_HOLDS_NO_JSON_FIELD_NAMES =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should(DomainStringConstants.holdNoSnakeCaseConstant())
          .because("JSON field names belong to the HTTP adapter, not to the domain");

  /** One rule per adapter: it may not see any other adapter, nor the composition root. */
  static List<ArchRule> adaptersAreIndependent() {
    return ADAPTERS.stream()
        .<ArchRule>map(
            adapter ->
                noClasses()
                    .that()
                    .resideInAPackage(adapter)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(othersThan(adapter))
                    .because("no adapter depends on another adapter"))
        .toList();
  }

  private static String[] othersThan(String adapter) {
    return java.util.stream.Stream.concat(
            ADAPTERS.stream().filter(a -> !a.equals(adapter)),
            java.util.stream.Stream.of("com.kairos.bootstrap..", "com.kairos.migrations.."))
        .toArray(String[]::new);
  }
}
