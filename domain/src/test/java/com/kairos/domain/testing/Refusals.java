package com.kairos.domain.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.ValidationFailure;
import com.kairos.domain.common.ValidationFailure.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is refused with an exact validation field and reason. */
public final class Refusals {
  private Refusals() {}

  public static void assertRefused(ThrowingCallable call, String field, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(ValidationFailure.class)
        .satisfies(
            e -> {
              ValidationFailure f = (ValidationFailure) e;
              org.assertj.core.api.Assertions.assertThat(f.field() + " " + f.reason())
                  .isEqualTo(field + " " + reason);
            });
  }
}
