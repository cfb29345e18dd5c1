package com.kairos.domain.user;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static com.kairos.domain.testing.Fixtures.inHours;
import static com.kairos.domain.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.common.ValidationFailure.Reason;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserProfileTest {
  private final UserProfile fresh =
      UserProfile.firstSight(UUID.randomUUID(), ALICE, "Alice", "en-us", NOW);

  @Test
  void firstSightTakesTheTokenNameAndCanonicalLocale() {
    assertThat(fresh.displayName()).isEqualTo("Alice");
    assertThat(fresh.locale()).isEqualTo("en-US");
    assertThat(fresh.agentModeDefault()).isEqualTo(AgentMode.MANUAL);
    assertThat(fresh.featureFlags()).isEmpty();
  }

  @Test
  void firstSightTrimsLongNamesAndDropsUnusableValues() {
    UserProfile p = UserProfile.firstSight(UUID.randomUUID(), ALICE, "n".repeat(150), "*", NOW);
    assertThat(p.displayName()).hasSize(100);
    assertThat(p.locale()).isNull();
    assertThat(UserProfile.firstSight(UUID.randomUUID(), ALICE, "  ", null, NOW).displayName())
        .isNull();
  }

  @Test
  void aPatchChangesOnlyWhatItNames() {
    UserProfile patched =
        fresh.apply(
            new ProfilePatch(
                FieldPatch.set(null), FieldPatch.absent(), FieldPatch.set(AgentMode.ASSISTED)),
            inHours(1));
    assertThat(patched.displayName()).isNull();
    assertThat(patched.locale()).isEqualTo("en-US");
    assertThat(patched.agentModeDefault()).isEqualTo(AgentMode.ASSISTED);
    assertThat(patched.updatedAt()).isEqualTo(inHours(1));
  }

  @Test
  void anEmptyPatchChangesNothingNotEvenTheTimestamp() {
    UserProfile same =
        fresh.apply(
            new ProfilePatch(FieldPatch.absent(), FieldPatch.absent(), FieldPatch.absent()),
            inHours(1));
    assertThat(same).isSameAs(fresh);
  }

  @Test
  void patchValuesAreValidated() {
    assertRefused(
        () -> new ProfilePatch(FieldPatch.set(""), FieldPatch.absent(), FieldPatch.absent()),
        "displayName",
        Reason.INVALID_LENGTH);
    assertRefused(
        () ->
            new ProfilePatch(
                FieldPatch.set("x".repeat(101)), FieldPatch.absent(), FieldPatch.absent()),
        "displayName",
        Reason.INVALID_LENGTH);
    assertRefused(
        () -> new ProfilePatch(FieldPatch.absent(), FieldPatch.set("en_US"), FieldPatch.absent()),
        "locale",
        Reason.INVALID_LOCALE);
    assertRefused(
        () -> new ProfilePatch(FieldPatch.absent(), FieldPatch.set(null), FieldPatch.absent()),
        "locale",
        Reason.INVALID_TYPE);
    assertRefused(
        () -> new ProfilePatch(FieldPatch.absent(), FieldPatch.absent(), FieldPatch.set(null)),
        "agentModeDefault",
        Reason.INVALID_TYPE);
  }
}
