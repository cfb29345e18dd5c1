package com.kairos.domain.negotiation;

import com.kairos.domain.common.AccessDenied;
import com.kairos.domain.common.DomainException;
import com.kairos.domain.common.DuplicateId;
import com.kairos.domain.common.NotFound;
import com.kairos.domain.common.ValidationFailure;

/**
 * One method per domain refusal, so a mapper that implements it handles every refusal explicitly
 * and a new one is a compile error there until it is handled. Every concrete {@link
 * DomainException} is final and has its method here: the architecture tests fail for one that has
 * not, and {@code RefusalVisitorTest} checks that {@link #visit} reaches each.
 *
 * <p>It lives beside the negotiation refusals rather than on {@link DomainException} itself because
 * Java 17 seals across packages only inside a named module, and the common refusals cannot name the
 * negotiation ones without a package cycle.
 */
public interface RefusalVisitor<R> {
  R validationFailure(ValidationFailure refusal);

  R notFound(NotFound refusal);

  R accessDenied(AccessDenied refusal);

  R duplicateId(DuplicateId refusal);

  R invalidStateTransition(InvalidStateTransition refusal);

  R negotiationExpired(NegotiationExpired refusal);

  R organizerCannotDecline(OrganizerCannotDecline refusal);

  R staleVersion(StaleVersion refusal);

  /** Calls the {@code visitor} method for {@code refusal}'s class. */
  static <R> R visit(DomainException refusal, RefusalVisitor<R> visitor) {
    if (refusal instanceof ValidationFailure f) {
      return visitor.validationFailure(f);
    }
    if (refusal instanceof NotFound n) {
      return visitor.notFound(n);
    }
    if (refusal instanceof AccessDenied d) {
      return visitor.accessDenied(d);
    }
    if (refusal instanceof DuplicateId d) {
      return visitor.duplicateId(d);
    }
    if (refusal instanceof TransitionRefused t) {
      return t.accept(visitor);
    }
    throw new IllegalStateException("no visitor method for " + refusal.getClass().getName());
  }
}
