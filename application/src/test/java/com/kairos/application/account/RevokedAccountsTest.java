package com.kairos.application.account;

import static com.kairos.domain.testing.Fixtures.ALICE;
import static com.kairos.domain.testing.Fixtures.BOB;
import static com.kairos.domain.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.VerifiedIdentity;
import com.kairos.application.testing.UseCaseTest;
import com.kairos.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tokens of a deleted account die, here at once and elsewhere after a refresh. */
class RevokedAccountsTest extends UseCaseTest {

  private RevokedAccountsVerifier verifier(RevokedAccounts revoked, Instant iat) {
    return new RevokedAccountsVerifier(
        token -> new VerifiedIdentity(new UserId(token), null, null, iat, iat), revoked);
  }

  @Test
  void theDeletingInstanceRefusesTheOldTokensAtOnce() {
    uc.deleteAccount().delete(ALICE, NOW);
    RevokedAccounts here = uc.revokedAccounts();

    assertThat(here.deletedAt(ALICE)).contains(NOW);
    assertThatThrownBy(() -> verifier(here, NOW.minusSeconds(60)).verify("alice-uid"))
        .isInstanceOfSatisfying(
            AuthenticationFailed.class,
            e -> assertThat(e.reason()).isEqualTo(AuthenticationFailed.Reason.REVOKED_TOKEN));
    assertThatThrownBy(() -> verifier(here, NOW).verify("alice-uid"))
        .isInstanceOf(AuthenticationFailed.class);
    assertThatThrownBy(() -> verifier(here, null).verify("alice-uid"))
        .isInstanceOf(AuthenticationFailed.class);
    // A sign-in after the deletion is a new account; other users are untouched.
    assertThat(verifier(here, NOW.plusSeconds(1)).verify("alice-uid").userId()).isEqualTo(ALICE);
    assertThat(verifier(here, NOW.minusSeconds(60)).verify("bob-uid").userId()).isEqualTo(BOB);
  }

  @Test
  void anotherInstanceLearnsOfTheDeletionOnItsNextRefresh() {
    RevokedAccounts elsewhere =
        new RevokedAccounts(backend.transactions, backend.deletions, backend.clock);
    elsewhere.refresh();
    assertThat(elsewhere.deletedAt(ALICE)).isEmpty();

    uc.deleteAccount().delete(ALICE, NOW);
    assertThat(elsewhere.deletedAt(ALICE)).isEmpty();
    backend.clock.advance(Duration.ofSeconds(1));
    elsewhere.refresh();

    assertThat(elsewhere.deletedAt(ALICE)).contains(NOW);
    assertThatThrownBy(() -> verifier(elsewhere, NOW.minusSeconds(5)).verify("alice-uid"))
        .isInstanceOf(AuthenticationFailed.class);
  }

  @Test
  void deletionsOlderThanAnyLiveTokenAreForgotten() {
    uc.deleteAccount().delete(ALICE, NOW);
    RevokedAccounts later =
        new RevokedAccounts(backend.transactions, backend.deletions, backend.clock);
    backend.clock.advance(RevokedAccounts.REMEMBERED.plusSeconds(1));

    later.refresh();
    uc.revokedAccounts().refresh();

    assertThat(later.deletedAt(ALICE)).isEmpty();
    assertThat(uc.revokedAccounts().deletedAt(ALICE)).isEmpty();
  }
}
