package com.kairos.application.cursor;

import com.kairos.application.paging.Page;
import com.kairos.application.port.Keyset;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination cursors: a keyset position signed with HMAC-SHA256, bound to the caller and the
 * filters of the listing it came from, and valid for 24 hours. Anything else decodes to {@link
 * InvalidCursor}.
 */
public final class CursorCodec {
  public static final Duration VALIDITY = Duration.ofHours(24);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final String VERSION = "c1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /** {@code secret} must hold at least 32 bytes. */
  public CursorCodec(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the cursor secret needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** A cursor for the position after {@code position}, for listings with this {@code binding}. */
  public String encode(Keyset position, String binding, Instant now) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.updatedAt());
    String payload =
        String.join(
            "|",
            VERSION,
            Long.toString(now.getEpochSecond()),
            Long.toString(micros),
            position.id().toString(),
            bindingHash(binding));
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
  }

  /**
   * A page from up to {@code limit + 1} rows fetched after the previous position: the extra row
   * only says that there is more, and the last row kept becomes the signed next cursor.
   */
  public <T> Page<T> page(
      List<T> rows, int limit, Function<T, Keyset> position, String binding, Instant now) {
    if (rows.size() <= limit) {
      return new Page<>(rows, limit, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, limit, encode(position.apply(items.get(limit - 1)), binding, now));
  }

  /** The position a cursor names, if it is genuine, for this binding, and fresh. */
  public Keyset decode(String cursor, String binding, Instant now) {
    if (cursor == null || cursor.length() > 512) {
      throw new InvalidCursor("the cursor is not valid");
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw new InvalidCursor("the cursor is not valid");
    }
    byte[] body;
    byte[] signature;
    try {
      body = DECODER.decode(cursor.substring(0, dot));
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursor("the cursor is not valid");
    }
    if (!MessageDigest.isEqual(sign(body), signature)) {
      throw new InvalidCursor("the cursor is not valid");
    }
    String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw new InvalidCursor("the cursor is not valid");
    }
    if (!parts[4].equals(bindingHash(binding))) {
      throw new InvalidCursor("the cursor belongs to another listing");
    }
    try {
      Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
      if (issued.isAfter(now.plus(CLOCK_SKEW)) || issued.plus(VALIDITY).isBefore(now)) {
        throw new InvalidCursor("the cursor has expired");
      }
      Instant updatedAt = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
      return new Keyset(updatedAt, UUID.fromString(parts[3]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidCursor("the cursor is not valid");
    }
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String bindingHash(String binding) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
