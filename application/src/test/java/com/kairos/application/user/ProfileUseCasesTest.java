package com.kairos.application.user;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.user.ProfilePatch;
import com.kairos.domain.user.UserProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileUseCasesTest extends UseCaseTest {
  private final VerifiedIdentity alice = new VerifiedIdentity(ALICE, "Alice A.");

  @Test
  void theFirstReadCreatesTheProfileAndLaterReadsReturnIt() {
    UserProfile created = uc.getProfile().getOrCreate(alice, "fr-FR");
    assertThat(created.userId()).isEqualTo(ALICE);
    assertThat(created.displayName()).isEqualTo("Alice A.");
    assertThat(created.locale()).isEqualTo("fr-FR");
    assertThat(created.createdAt()).isEqualTo(NOW);
    backend.clock.advance(Duration.ofHours(1));
    UserProfile again = uc.getProfile().getOrCreate(new VerifiedIdentity(ALICE, "Renamed"), "de");
    assertThat(again).isEqualTo(created);
  }

  @Test
  void aPatchIsStoredAndStampsTheUpdateTime() {
    uc.getProfile().getOrCreate(alice, null);
    backend.clock.advance(Duration.ofMinutes(2));
    UserProfile patched =
        uc.updateProfile()
            .update(
                alice,
                null,
                new ProfilePatch(
                    FieldPatch.set("Ally"),
                    FieldPatch.set("en-GB"),
                    FieldPatch.set(AgentMode.AUTONOMOUS)));
    assertThat(patched.displayName()).isEqualTo("Ally");
    assertThat(patched.locale()).isEqualTo("en-GB");
    assertThat(patched.agentModeDefault()).isEqualTo(AgentMode.AUTONOMOUS);
    assertThat(patched.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    assertThat(uc.getProfile().getOrCreate(alice, null)).isEqualTo(patched);
  }

  @Test
  void aPatchBeforeAnyReadCreatesTheProfileFirst() {
    UserProfile patched =
        uc.updateProfile()
            .update(
                alice,
                "es",
                new ProfilePatch(
                    FieldPatch.absent(), FieldPatch.absent(), FieldPatch.set(AgentMode.ASSISTED)));
    assertThat(patched.displayName()).isEqualTo("Alice A.");
    assertThat(patched.locale()).isEqualTo("es");
    assertThat(patched.agentModeDefault()).isEqualTo(AgentMode.ASSISTED);
  }
}
