package com.kairos.firebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.domain.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The directory on real firebase-admin, against a local fake of the Identity Toolkit's {@code
 * accounts:lookup} endpoint (unit tests cannot reach Google; the Auth Emulator path is covered by
 * scripts/dev-test.sh and e2e/run.sh).
 */
class FirebaseUserDirectoryTest {
  private final FakeIdentityToolkit toolkit = new FakeIdentityToolkit();
  private final MutableClock clock = new MutableClock();
  private final FirebaseUserDirectory directory =
      FirebaseUserDirectory.withTransport("demo-test", toolkit, clock, Duration.ofMinutes(10));

  @Test
  void idsNoUserHasAreReportedAndOnlyThose() {
    toolkit.users.addAll(List.of("alice", "bob"));

    Set<UserId> unknown = directory.unknown(ids("alice", "dave@example.com", "bob", "nobody"));

    assertThat(unknown).containsExactly(new UserId("dave@example.com"), new UserId("nobody"));
    assertThat(toolkit.paths).singleElement().asString().endsWith("/accounts:lookup");
  }

  @Test
  void idsAreAskedAtMostAHundredPerCall() {
    List<String> many = IntStream.range(0, 250).mapToObj(i -> "user-" + i).toList();
    toolkit.users.addAll(many);

    assertThat(directory.unknown(ids(many.toArray(String[]::new)))).isEmpty();

    assertThat(toolkit.batchSizes).containsExactly(100, 100, 50);
  }

  @Test
  void foundIdsAreRememberedForTheTtlAndUnknownOnesNever() {
    toolkit.users.add("alice");
    directory.unknown(ids("alice", "carol"));
    toolkit.users.add("carol"); // carol signs up right after being refused

    assertThat(directory.unknown(ids("alice", "carol"))).isEmpty();
    assertThat(toolkit.batchSizes).containsExactly(2, 1);

    clock.now = clock.now.plus(Duration.ofMinutes(11));
    directory.unknown(ids("alice"));
    assertThat(toolkit.batchSizes).containsExactly(2, 1, 1);
  }

  @Test
  void aFailingLookupIsADependencyFailure() {
    toolkit.failing = true;

    assertThatThrownBy(() -> directory.unknown(ids("alice")))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class, e -> assertThat(e.dependency()).isEqualTo("firebase"));
    assertThat(directory.remembered()).isZero();
  }

  private static List<UserId> ids(String... values) {
    return java.util.Arrays.stream(values).map(UserId::new).toList();
  }

  /** Answers {@code accounts:lookup} as the Identity Toolkit does, from a list of users. */
  private static final class FakeIdentityToolkit extends MockHttpTransport {
    final List<String> users = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    boolean failing;

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
      paths.add(url);
      return new MockLowLevelHttpRequest(url) {
        @Override
        public LowLevelHttpResponse execute() throws java.io.IOException {
          if (failing) {
            return new MockLowLevelHttpResponse()
                .setStatusCode(503)
                .setContentType("application/json")
                .setContent("{\"error\": {\"code\": 503, \"message\": \"UNAVAILABLE\"}}");
          }
          JsonArray asked =
              JsonParser.parseString(getContentAsString())
                  .getAsJsonObject()
                  .getAsJsonArray("localId");
          batchSizes.add(asked.size());
          JsonArray found = new JsonArray();
          asked.forEach(
              id -> {
                if (users.contains(id.getAsString())) {
                  JsonObject user = new JsonObject();
                  user.addProperty("localId", id.getAsString());
                  found.add(user);
                }
              });
          JsonObject body = new JsonObject();
          if (!found.isEmpty()) {
            body.add("users", found);
          }
          return new MockLowLevelHttpResponse()
              .setContentType("application/json")
              .setContent(body.toString());
        }
      };
    }
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
