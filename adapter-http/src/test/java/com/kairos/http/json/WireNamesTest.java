package com.kairos.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.domain.common.AgentMode;
import com.kairos.domain.common.IntentCategory;
import com.kairos.domain.common.ValidationFailure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The API's enum names belong to this adapter (they moved here from the domain's enums). */
class WireNamesTest {

  @Test
  void wireEnumsParseLowerCaseNamesOnly() {
    assertThat(WireNames.parse(IntentCategory.class, "brunch", "intent_category"))
        .isEqualTo(IntentCategory.BRUNCH);
    assertThat(WireNames.parse(AgentMode.class, "autonomous", "agent_mode"))
        .isEqualTo(AgentMode.AUTONOMOUS);
    assertRefused(
        () -> WireNames.parse(IntentCategory.class, "BRUNCH", "intent_category"),
        "intent_category",
        "invalid_enum");
    assertRefused(
        () -> WireNames.parse(AgentMode.class, null, "agent_mode"), "agent_mode", "invalid_enum");
  }

  @Test
  void namesAreTheLowerCaseConstants() {
    assertThat(WireNames.of(AgentMode.AUTONOMOUS)).isEqualTo("autonomous");
    assertThat(WireNames.of(null)).isNull();
  }

  private static void assertRefused(ThrowingCallable call, String field, String reason) {
    assertThatThrownBy(call)
        .isInstanceOf(ValidationFailure.class)
        .satisfies(
            e -> {
              ValidationFailure f = (ValidationFailure) e;
              // As the API spells them.
              assertThat(WireNames.path(f.field()) + " " + WireNames.of(f.reason()))
                  .isEqualTo(field + " " + reason);
            });
  }
}
