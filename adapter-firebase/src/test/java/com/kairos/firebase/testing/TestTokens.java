package com.kairos.firebase.testing;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Firebase-shaped ID tokens signed with the test key, and the certificate file that makes a server
 * trust them ({@code FIREBASE_TEST_CERTIFICATES}).
 */
public final class TestTokens {
  public static final String KEY_ID = "test-key-1";
  private final String projectId;

  public TestTokens(String projectId) {
    this.projectId = projectId;
  }

  /** Writes the certificates JSON to a temporary file and returns its path. */
  public static Path certificatesFile() {
    try {
      Path file = Files.createTempFile("kairos-test-certs", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(
          file, "{\"" + KEY_ID + "\": \"" + resource("cert1.pem").replace("\n", "\\n") + "\"}");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token for {@code uid}, valid for an hour from now. */
  public String sign(String uid, String name) {
    long now = Instant.now().getEpochSecond();
    return sign(uid, name, now - 30, now - 30);
  }

  /** A token for {@code uid} issued at {@code iat}, whose user signed in at {@code authTime}. */
  public String sign(String uid, String name, long authTime, long iat) {
    long now = Instant.now().getEpochSecond();
    JsonWebSignature.Header header = new JsonWebSignature.Header();
    header.setAlgorithm("RS256");
    header.setKeyId(KEY_ID);
    header.setType("JWT");
    JsonWebToken.Payload payload = new JsonWebToken.Payload();
    payload.setIssuer("https://securetoken.google.com/" + projectId);
    payload.setAudience(projectId);
    payload.setSubject(uid);
    payload.setIssuedAtTimeSeconds(iat);
    payload.setExpirationTimeSeconds(now + 3600);
    payload.set("auth_time", authTime);
    if (name != null) {
      payload.set("name", name);
    }
    try {
      return JsonWebSignature.signUsingRsaSha256(
          privateKey(), GsonFactory.getDefaultInstance(), header, payload);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey privateKey() throws GeneralSecurityException {
    String pem = resource("key1.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }

  private static String resource(String name) {
    try (InputStream in = TestTokens.class.getResourceAsStream("/firebase-test/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
