package com.kairos.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.kairos.domain.common.DomainException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

  /** The one place refusals become HTTP errors. */
  private static final String ERROR_MAPPER = "com.kairos.http.ErrorMapper";

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
   * Every concrete domain refusal is final and named by the HTTP error mapper, so a new refusal
   * cannot reach a client as a 500 unnoticed.
   */
  static final ArchRule EVERY_REFUSAL_IS_MAPPED =
      classes()
          .that()
          .areAssignableTo(DomainException.class)
          .and()
          .doNotHaveModifier(JavaModifier.ABSTRACT)
          .should(beFinalAndMapped())
          .because("a refusal no mapper handles would reach a client as a 500");

  private static ArchCondition<JavaClass> beFinalAndMapped() {
    return new ArchCondition<>("be final and named by " + ERROR_MAPPER) {
      @Override
      public void check(JavaClass refusal, ConditionEvents events) {
        JavaClass mapper = new ClassFileImporter().importClass(errorMapper());
        boolean handled =
            mapper.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getName().equals(refusal.getName()));
        if (!refusal.getModifiers().contains(JavaModifier.FINAL) || !handled) {
          events.add(
              SimpleConditionEvent.violated(
                  refusal, refusal.getName() + " is not final or not named by the error mapper"));
        }
      }
    };
  }

  private static Class<?> errorMapper() {
    try {
      return Class.forName(ERROR_MAPPER);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static final ArchRule THE_DOMAIN_HOLDS_NO_JSON_FIELD_NAMES =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should(DomainStringConstants.holdNoSnakeCaseConstant())
          .because("JSON field names belong to the HTTP adapter, not to the domain");

  static final ArchRule THE_APPLICATION_HOLDS_NO_JSON_FIELD_NAMES_IN_MESSAGES =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should(DomainStringConstants.holdNoSnakeCaseInMessages())
          .because("JSON field names belong to the HTTP adapter, not to the use cases");

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
