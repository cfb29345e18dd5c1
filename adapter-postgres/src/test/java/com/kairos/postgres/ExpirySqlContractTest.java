package com.kairos.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.negotiation.Expiry;
import com.kairos.domain.negotiation.NegotiationState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sweep's SQL keeps one piece of the expiry rule written out (the states it picks up, for the
 * partial index); it must be the domain's. What the sweep writes is compared with the domain's
 * {@code expire} by the repository contract suite.
 */
class ExpirySqlContractTest {

  @Test
  void theSweepPicksUpExactlyTheStatesTheDomainExpires() {
    String listed = ExpirySweep.DUE_STATES.replaceAll("[()' ]", "");
    assertThat(Arrays.asList(listed.split(",")))
        .containsExactlyInAnyOrder(PgCodes.codes(Expiry.expiringStates()));
    assertThat(ExpirySweep.EXPIRE_SQL)
        .contains("WHERE state IN " + ExpirySweep.DUE_STATES + " AND expires_at");
  }

  @Test
  void aCorruptStoredCodeIsAnInternalErrorNotAValidationFailure() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PgCodes.parse(NegotiationState.class, "archived", "state"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state");
  }
}
