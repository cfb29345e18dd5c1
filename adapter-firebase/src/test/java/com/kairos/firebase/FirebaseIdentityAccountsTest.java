package com.kairos.firebase;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.kairos.application.port.IdentityAccounts.Outcome;
import com.kairos.domain.common.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting the Firebase user of a deleted account, against a fake Identity Toolkit. */
class FirebaseIdentityAccountsTest {

  /** Answers every call with one status and body, and remembers what was asked. */
  private static final class Toolkit extends MockHttpTransport {
    final List<String> calls = new ArrayList<>();
    private final int status;
    private final String body;

    Toolkit(int status, String body) {
      this.status = status;
      this.body = body;
    }

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
      calls.add(method + " " + url);
      return new MockLowLevelHttpRequest(url) {
        @Override
        public MockLowLevelHttpResponse execute() {
          return new MockLowLevelHttpResponse()
              .setStatusCode(status)
              .setContentType("application/json")
              .setContent(body);
        }
      };
    }
  }

  @Test
  void aDeletedUserIsDone() {
    Toolkit toolkit = new Toolkit(200, "{\"kind\": \"identitytoolkit#DeleteAccountResponse\"}");

    Outcome outcome =
        FirebaseIdentityAccounts.withTransport("demo-test", toolkit).delete(new UserId("u-1"));

    assertThat(outcome).isEqualTo(Outcome.deleted());
    assertThat(toolkit.calls).hasSize(1);
    assertThat(toolkit.calls.get(0)).startsWith("POST ").contains("accounts:delete");
  }

  @Test
  void aUserAlreadyGoneIsDoneToo() {
    Toolkit toolkit =
        new Toolkit(400, "{\"error\": {\"code\": 400, \"message\": \"USER_NOT_FOUND\"}}");

    assertThat(
            FirebaseIdentityAccounts.withTransport("demo-test", toolkit).delete(new UserId("u-2")))
        .isEqualTo(Outcome.deleted());
  }

  @Test
  void anyOtherFailureIsRetriedLaterNamingOnlyItsCode() {
    Toolkit toolkit =
        new Toolkit(503, "{\"error\": {\"code\": 503, \"message\": \"secret-ish detail\"}}");

    Outcome outcome =
        FirebaseIdentityAccounts.withTransport("demo-test", toolkit).delete(new UserId("u-3"));

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.reason()).isNotBlank().doesNotContain("secret-ish").doesNotContain("u-3");
  }
}
