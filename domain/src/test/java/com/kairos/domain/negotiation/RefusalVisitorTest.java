package com.kairos.domain.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.DomainException;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ResourceType;
import com.kairos.domain.common.ValidationFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal reaches its own visitor method, so a mapper sees every one explicitly. */
class RefusalVisitorTest {

  private static final RefusalVisitor<String> NAMES =
      new RefusalVisitor<>() {
        @Override
        public String validationFailure(ValidationFailure refusal) {
          return "validationFailure";
        }

        @Override
        public String notFound(NotFound refusal) {
          return "notFound";
        }

        @Override
        public String accessDenied(AccessDenied refusal) {
          return "accessDenied";
        }

        @Override
        public String duplicateId(DuplicateId refusal) {
          return "duplicateId";
        }

        @Override
        public String invalidStateTransition(InvalidStateTransition refusal) {
          return "invalidStateTransition";
        }

        @Override
        public String negotiationExpired(NegotiationExpired refusal) {
          return "negotiationExpired";
        }

        @Override
        public String organizerCannotDecline(OrganizerCannotDecline refusal) {
          return "organizerCannotDecline";
        }

        @Override
        public String staleVersion(StaleVersion refusal) {
          return "staleVersion";
        }
      };

  @Test
  void everyRefusalReachesItsOwnMethod() {
    List<DomainException> refusals =
        List.of(
            new ValidationFailure("field", ValidationFailure.Reason.INVALID_TYPE, "message"),
            new NotFound(ResourceType.EVENT, "x"),
            new AccessDenied(ResourceType.EVENT, "x"),
            new DuplicateId(ResourceType.EVENT, "x"),
            new InvalidStateTransition(NegotiationState.DRAFT, NegotiationAction.ACCEPT),
            new NegotiationExpired(Instant.EPOCH, NegotiationAction.ACCEPT),
            new OrganizerCannotDecline(NegotiationState.ACTIVE),
            new StaleVersion(NegotiationState.ACTIVE, NegotiationAction.ACCEPT, 3));
    assertThat(refusals.stream().map(r -> RefusalVisitor.visit(r, NAMES)))
        .containsExactly(
            "validationFailure",
            "notFound",
            "accessDenied",
            "duplicateId",
            "invalidStateTransition",
            "negotiationExpired",
            "organizerCannotDecline",
            "staleVersion");
  }
}
