package com.kairos.domain.common;

import static com.kairos.domain.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.domain.common.ValidationFailure.Reason;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value objects refuse every invalid value, so an invalid one cannot exist. */
class ValueObjectsTest {

  @Test
  void blobsAcceptBothAlphabetsWithOrWithoutPaddingAndKeepTheExactText() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01, 0x02};
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(standard).contains("+").endsWith("==");
    assertThat(urlSafe).contains("-").doesNotEndWith("=");
    assertThat(EncryptedBlob.of(standard, "f").value()).isEqualTo(standard);
    assertThat(EncryptedBlob.of(urlSafe, "f").value()).isEqualTo(urlSafe);
    assertThat(EncryptedBlob.of(urlSafe, "f").decodedLength()).isEqualTo(4);
  }

  @Test
  void blobsDecodeToOneToSixteenKibibytes() {
    assertThat(EncryptedBlob.of(b64(1), "f").decodedLength()).isEqualTo(1);
    assertThat(EncryptedBlob.of(b64(16_384), "f").decodedLength()).isEqualTo(16_384);
    assertRefused(
        () -> EncryptedBlob.of(b64(16_385), "encryptedPayload"),
        "encryptedPayload",
        Reason.PAYLOAD_TOO_LARGE);
    assertRefused(() -> EncryptedBlob.of("", "f"), "f", Reason.EMPTY_PAYLOAD);
    assertRefused(() -> EncryptedBlob.of("not base64!", "f"), "f", Reason.INVALID_BASE64);
    assertRefused(() -> EncryptedBlob.of("ab c", "f"), "f", Reason.INVALID_BASE64);
    assertRefused(() -> EncryptedBlob.of("x".repeat(30_000), "f"), "f", Reason.PAYLOAD_TOO_LARGE);
  }

  @Test
  void blobsNeverShowTheirContentWhenPrinted() {
    String marker = Base64.getEncoder().encodeToString("SECRET-MARKER".getBytes());
    EncryptedBlob blob = EncryptedBlob.of(marker, "f");
    assertThat(blob.toString())
        .doesNotContain(marker)
        .isEqualTo("EncryptedBlob[redacted, 13 bytes]");
    assertThat(String.valueOf(java.util.List.of(blob))).doesNotContain(marker);
  }

  @Test
  void userIdsAreOneTo128CharactersWithoutWhitespace() {
    assertThat(new UserId("a").value()).isEqualTo("a");
    assertThat(new UserId("u".repeat(128)).value()).hasSize(128);
    assertRefused(() -> new UserId(""), "userId", Reason.INVALID_USER_ID);
    assertRefused(() -> new UserId("u".repeat(129)), "userId", Reason.INVALID_USER_ID);
    assertRefused(() -> new UserId("a b"), "userId", Reason.INVALID_USER_ID);
    assertRefused(() -> new UserId("a\tb"), "userId", Reason.INVALID_USER_ID);
    assertRefused(() -> new UserId("a\u0000b"), "userId", Reason.INVALID_USER_ID);
    assertRefused(() -> new UserId("a\u00a0b"), "userId", Reason.INVALID_USER_ID);
  }

  @Test
  void timeZonesAreIanaIds() {
    assertThat(new TimeZoneId("America/New_York").value()).isEqualTo("America/New_York");
    assertThat(TimeZoneId.UTC.value()).isEqualTo("UTC");
    assertRefused(() -> new TimeZoneId("Mars/Olympus"), "timezone", Reason.INVALID_TIMEZONE);
    assertRefused(() -> new TimeZoneId("+02:00"), "timezone", Reason.INVALID_TIMEZONE);
  }

  @Test
  void uuidsParseOnlyInCanonicalFormAndV4IsChecked() {
    UUID id = UUID.randomUUID();
    assertThat(Uuids.parse(id.toString(), "id")).isEqualTo(id);
    assertRefused(() -> Uuids.parse("1-1-1-1-1", "id"), "id", Reason.INVALID_UUID);
    assertRefused(
        () -> Uuids.parse("zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz", "id"), "id", Reason.INVALID_UUID);
    assertRefused(
        () -> Uuids.requireV4(UUID.fromString("00000000-0000-1000-8000-000000000000"), "id"),
        "id",
        Reason.INVALID_UUID);
    assertThat(Uuids.requireV4(id, "id")).isEqualTo(id);
  }

  @Test
  void uuidOrderIsUnsignedLikePostgres() {
    SlotId low = new SlotId(UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"));
    SlotId high = new SlotId(UUID.fromString("80000000-0000-4000-8000-000000000000"));
    assertThat(low.compareTo(high)).isNegative();
    assertThat(low.value().compareTo(high.value())).isPositive();
  }

  @Test
  void timeRangesEndAfterTheyStartAndLastAtMostADay() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    assertRefused(() -> new TimeRange(start, start), "endsAt", Reason.ENDS_BEFORE_START);
    assertRefused(
        () -> new TimeRange(start, start.plusSeconds(86_401)), "endsAt", Reason.SLOT_TOO_LONG);
    assertThat(new TimeRange(start, start.plusSeconds(86_400)).endsAt())
        .isEqualTo(start.plusSeconds(86_400));
  }

  @Test
  void blobVersionsStartAtOne() {
    assertRefused(() -> new BlobVersion(0), "encryptedBlobVersion", Reason.OUT_OF_RANGE);
    assertThat(BlobVersion.DEFAULT.value()).isEqualTo(1);
  }

  @Test
  void nowIsTruncatedToMillisecondsThePrecisionTheApiWrites() {
    Instant precise = Instant.parse("2026-11-23T10:00:00.123456789Z");
    assertThat(Timestamps.truncate(precise)).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
  }

  private static String b64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }
}
