package com.kairos.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.DomainException;
import com.kairos.domain.negotiation.Negotiation;
import com.kairos.domain.offender.OffendingDomainClass;
import com.kairos.postgres.offender.TracingRepository;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers stay apart: checked on the production classes of every module. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test fixtures shared as test-jars are not production code either.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.kairos");
    // Guard against a vacuous pass: every module's classes must have been imported.
    assertThat(production.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("com.kairos.domain"))
        .anyMatch(p -> p.startsWith("com.kairos.application"));
  }

  @Test
  void theDomainDependsOnTheJdkOnly() {
    ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(production);
  }

  @Test
  void theApplicationDependsOnTheDomainAndSlf4jOnly() {
    ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_SLF4J_ONLY.check(production);
  }

  @Test
  void noFrameworkTypeAppearsInTheCore() {
    ArchitectureRules.NO_FRAMEWORK_TYPES_IN_THE_CORE.check(production);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ArchitectureRules.adaptersAreIndependent().forEach(rule -> rule.check(production));
  }

  @Test
  void noClassOutsideTheHttpAdapterUsesJavalin() {
    ArchitectureRules.ONLY_THE_HTTP_ADAPTER_SEES_JAVALIN.check(production);
  }

  @Test
  void openTelemetryStaysInTheHttpAdapterAndBootstrap() {
    ArchitectureRules.ONLY_HTTP_AND_BOOTSTRAP_SEE_OPENTELEMETRY.check(production);
    ArchitectureRules.ONLY_BOOTSTRAP_SEES_THE_OPENTELEMETRY_SDK.check(production);
  }

  @Test
  void anAdapterReachingForOpenTelemetryIsCaught() {
    JavaClasses offender = new ClassFileImporter().importClasses(TracingRepository.class);
    assertThatThrownBy(
            () -> ArchitectureRules.ONLY_HTTP_AND_BOOTSTRAP_SEE_OPENTELEMETRY.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TracingRepository")
        .hasMessageContaining("io.opentelemetry.api.trace.Span");
  }

  @Test
  void everyDomainRefusalIsMappedByTheErrorMapper() {
    ArchitectureRules.EVERY_REFUSAL_IS_MAPPED.check(production);
  }

  @Test
  void aRefusalTheMapperDoesNotNameIsCaught() {
    JavaClasses offender = new ClassFileImporter().importClasses(UnhandledRefusal.class);
    assertThatThrownBy(() -> ArchitectureRules.EVERY_REFUSAL_IS_MAPPED.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UnhandledRefusal");
  }

  /** A refusal nobody handles, to prove the rule bites. */
  static final class UnhandledRefusal extends DomainException {
    private static final long serialVersionUID = 1L;

    UnhandledRefusal() {
      super("unhandled");
    }
  }

  @Test
  void theDomainHoldsNoJsonFieldNames() {
    ArchitectureRules.THE_DOMAIN_HOLDS_NO_JSON_FIELD_NAMES.check(production);
  }

  @Test
  void theApplicationHoldsNoJsonFieldNamesInItsMessages() {
    ArchitectureRules.THE_APPLICATION_HOLDS_NO_JSON_FIELD_NAMES_IN_MESSAGES.check(production);
  }

  @Test
  void aJsonFieldNameInsideAMessageIsCaught() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingDomainClass.class);
    assertThatThrownBy(
            () ->
                classes().should(DomainStringConstants.holdNoSnakeCaseInMessages()).check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must be after starts_at");
    assertThatThrownBy(
            () -> classes().should(DomainStringConstants.holdNoSnakeCaseConstant()).check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must be after starts_at");
  }

  @Test
  void aJsonFieldNameInTheDomainIsCaught() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingDomainClass.class);
    assertThatThrownBy(
            () -> classes().should(DomainStringConstants.holdNoSnakeCaseConstant()).check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("accepted_slot_ids");
  }

  @Test
  void aDeliberatelyOffendingDomainClassIsCaught() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingDomainClass.class);
    assertThatThrownBy(() -> ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OffendingDomainClass")
        .hasMessageContaining("org.slf4j.Logger");
    assertThatThrownBy(() -> ArchitectureRules.NO_FRAMEWORK_TYPES_IN_THE_CORE.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.fasterxml.jackson");
  }

  @Test
  void noDependencyInsideTheDomainRunsBackUp() {
    DomainLayers.all().forEach(rule -> rule.check(production));
  }

  @Test
  void aPartThatCallsBackIntoTheAggregateIsCaught() {
    JavaClasses offender =
        new ClassFileImporter()
            .importClasses(com.kairos.domain.negotiation.OffendingPart.class, Negotiation.class);
    assertThatThrownBy(() -> DomainLayers.PARTS_TAKE_VALUES_NOT_THE_AGGREGATE.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OffendingPart");
  }

  @Test
  void aRuleThatMatchesNothingFails() {
    JavaClasses nothing = new ClassFileImporter().importClasses(String.class);
    assertThatThrownBy(() -> ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(nothing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
