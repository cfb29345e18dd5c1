package com.kairos.firebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.kairos.application.port.AuthenticationFailed;
import com.kairos.application.port.DependencyUnavailable;
import com.kairos.application.port.VerifiedIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Real RS256 tokens, signed with a test key whose certificate firebase-admin fetches through our
 * transport: the verification path is the production one, with no network.
 */
class FirebaseIdentityVerifierTest {
  private static final String PROJECT = "kairos-test";
  private static final String KID = "test-key-1";
  private final FirebaseIdentityVerifier verifier =
      FirebaseIdentityVerifier.withTransport(
          PROJECT,
          new CertificateFileTransport(
              "{\"" + KID + "\": " + jsonString(resource("cert1.pem")) + "}"),
          Clock.systemUTC());

  private static String resource(String name) {
    try (InputStream in =
        FirebaseIdentityVerifierTest.class.getResourceAsStream("/firebase-test/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\n", "\\n") + "\"";
  }

  private static PrivateKey key(String name) throws Exception {
    String pem = resource(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }

  /** A token valid right now, changed by {@code tweak}, signed with {@code keyFile}. */
  private static String token(String keyFile, Consumer<JsonWebToken.Payload> tweak)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonWebSignature.Header header = new JsonWebSignature.Header();
    header.setAlgorithm("RS256");
    header.setKeyId(KID);
    header.setType("JWT");
    JsonWebToken.Payload payload = new JsonWebToken.Payload();
    payload.setIssuer("https://securetoken.google.com/" + PROJECT);
    payload.setAudience(PROJECT);
    payload.setSubject("firebase-user-1");
    payload.setIssuedAtTimeSeconds(now - 60);
    payload.setExpirationTimeSeconds(now + 3600);
    payload.set("auth_time", now - 120);
    payload.set("name", "Ada Lovelace");
    tweak.accept(payload);
    return JsonWebSignature.signUsingRsaSha256(
        key(keyFile), GsonFactory.getDefaultInstance(), header, payload);
  }

  private static String token(Consumer<JsonWebToken.Payload> tweak) throws Exception {
    return token("key1.pem", tweak);
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            AuthenticationFailed.class, e -> assertThat(e.reason().wire()).isEqualTo(reason))
        .satisfies(
            e -> {
              if (!token.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(token);
              }
            });
  }

  @Test
  void aValidTokenYieldsItsSubjectAndName() throws Exception {
    VerifiedIdentity identity = verifier.verify(token(p -> {}));
    assertThat(identity.userId().value()).isEqualTo("firebase-user-1");
    assertThat(identity.name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void anExpiredTokenIsExpired() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertRefused(
        token(
            p -> {
              p.setIssuedAtTimeSeconds(now - 7200);
              p.set("auth_time", now - 7200);
              p.setExpirationTimeSeconds(now - 3600);
            }),
        "expired_token");
  }

  @Test
  void issuedOrAuthenticatedInTheFutureIsInvalid() throws Exception {
    long later = Instant.now().plus(Duration.ofMinutes(30)).getEpochSecond();
    assertRefused(token(p -> p.setIssuedAtTimeSeconds(later)), "invalid_token");
    assertRefused(token(p -> p.set("auth_time", later)), "invalid_token");
  }

  @Test
  void wrongAudienceOrIssuerIsInvalid() throws Exception {
    assertRefused(token(p -> p.setAudience("another-project")), "invalid_token");
    assertRefused(
        token(p -> p.setIssuer("https://securetoken.google.com/another-project")), "invalid_token");
    assertRefused(token(p -> p.setIssuer("https://evil.example/" + PROJECT)), "invalid_token");
  }

  @Test
  void anUnsignedTokenIsInvalid() throws Exception {
    String signed = token(p -> {});
    String payload = signed.split("\\.")[1];
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}")
                    .getBytes(StandardCharsets.UTF_8));
    assertRefused(header + "." + payload + ".", "invalid_token");
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsInvalid() throws Exception {
    assertRefused(token("key2.pem", p -> {}), "invalid_token");
  }

  @Test
  void anEmptyOrOverlongSubjectIsInvalid() throws Exception {
    assertRefused(token(p -> p.setSubject("")), "invalid_token");
    assertRefused(token(p -> p.setSubject("u".repeat(129))), "invalid_token");
    assertThat(verifier.verify(token(p -> p.setSubject("u".repeat(128)))).userId().value())
        .hasSize(128);
  }

  @Test
  void garbageIsInvalid() {
    assertRefused("not.a.jwt", "invalid_token");
    assertRefused("garbage", "invalid_token");
    assertRefused("", "invalid_token");
    assertRefused("x".repeat(9000), "invalid_token");
  }

  @Test
  void unreachableFirebaseKeysAreADependencyFailure() throws Exception {
    HttpTransport down =
        new HttpTransport() {
          @Override
          protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
            throw new IOException("network unreachable");
          }
        };
    FirebaseIdentityVerifier offline =
        FirebaseIdentityVerifier.withTransport(PROJECT, down, Clock.systemUTC());
    String token = token(p -> {});
    assertThatThrownBy(() -> offline.verify(token))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class, e -> assertThat(e.dependency()).isEqualTo("firebase"));
  }
}
