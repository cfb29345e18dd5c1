package com.kairos.domain.testing;

import com.kairos.domain.common.EncryptedBlob;
import com.kairos.domain.common.NegotiationId;
import com.kairos.domain.common.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Shared test data: a fixed "now", named users and blobs carrying a recognisable marker. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  public static final UserId ALICE = new UserId("alice-uid");
  public static final UserId BOB = new UserId("bob-uid");
  public static final UserId CAROL = new UserId("carol-uid");
  public static final UserId DAVE = new UserId("dave-uid");
  public static final UserId MALLORY = new UserId("mallory-uid");

  /** Text that must never appear in a log line, error body or metric. */
  public static final String SECRET_MARKER = "SECRET-MARKER-7f3a";

  private Fixtures() {}

  public static EncryptedBlob blob(String content) {
    return EncryptedBlob.of(base64(content), "encrypted_payload");
  }

  public static String base64(String content) {
    return Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
  }

  public static EncryptedBlob secretBlob() {
    return blob(SECRET_MARKER);
  }

  public static Instant inHours(long hours) {
    return NOW.plus(Duration.ofHours(hours));
  }

  public static NegotiationId newNegotiationId() {
    return new NegotiationId(UUID.randomUUID());
  }

  public static UserId user(int n) {
    return new UserId("user-" + n);
  }
}
