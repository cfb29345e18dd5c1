package com.kairos.application.contract;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.ConcurrentModification;
import com.kairos.domain.common.FieldPatch;
import com.kairos.domain.user.ProfilePatch;
import com.kairos.domain.user.UserProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link com.kairos.application.port.UserProfileRepository} must do. */
public abstract class UserProfileRepositoryContract extends ContractTest {

  @Test
  void aStoredProfileReadsBackEqualIncludingFlags() {
    UserProfile p =
        new UserProfile(
            UUID.randomUUID(),
            ALICE,
            "Zoë \"Z\" O'Neil",
            "pt-BR",
            Map.of("beta_agent", true, "new\"ui", false),
            AgentMode.ASSISTED,
            NOW,
            NOW);
    run(() -> ports.profiles().insert(p));
    assertThat(tx(() -> ports.profiles().findByUid(ALICE))).contains(p);
    assertThat(tx(() -> ports.profiles().findByUid(BOB))).isEmpty();
  }

  @Test
  void aSecondProfileForTheSameUserIsALostRace() {
    UserProfile p = UserProfile.firstSight(UUID.randomUUID(), ALICE, null, null, NOW);
    run(() -> ports.profiles().insert(p));
    UserProfile twin = UserProfile.firstSight(UUID.randomUUID(), ALICE, "Twin", null, NOW);
    assertThatThrownBy(() -> run(() -> ports.profiles().insert(twin)))
        .isInstanceOf(ConcurrentModification.class);
    assertThat(tx(() -> ports.profiles().findByUid(ALICE))).contains(p);
  }

  @Test
  void anUpdateIsStored() {
    UserProfile p = UserProfile.firstSight(UUID.randomUUID(), ALICE, "Alice", "en", NOW);
    run(() -> ports.profiles().insert(p));
    UserProfile patched =
        p.apply(
            new ProfilePatch(
                FieldPatch.set(null),
                FieldPatch.set("de-CH"),
                FieldPatch.set(AgentMode.AUTONOMOUS)),
            NOW.plusSeconds(5));
    run(() -> ports.profiles().update(patched));
    assertThat(tx(() -> ports.profiles().findByUid(ALICE))).contains(patched);
  }
}
