package com.kairos.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTimeTest {
  @Test
  void writesUtcWithExactlyThreeFractionalDigits() {
    assertThat(JsonTime.format(Instant.parse("2026-11-25T06:01:10.114567Z")))
        .isEqualTo("2026-11-25T06:01:10.114Z");
    assertThat(JsonTime.format(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(JsonTime.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(JsonTime.format(Instant.parse("1969-12-31T23:59:59.999999999Z")))
        .isEqualTo("1969-12-31T23:59:59.999Z");
    assertThat(JsonTime.format(Instant.parse("2028-02-29T23:59:59.001Z")))
        .isEqualTo("2028-02-29T23:59:59.001Z");
    assertThat(JsonTime.format(null)).isNull();
  }

  @Test
  void matchesTheFormatterForEveryInstantItIsGiven() {
    SplittableRandom random = new SplittableRandom(7);
    long lowest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long highest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(lowest, highest + 1), random.nextInt(1_000_000_000));
      assertThat(JsonTime.format(instant)).isEqualTo(JsonTime.formatted(instant));
    }
  }

  @Test
  void yearsBeyondFourDigitsFallBackToTheFormatter() {
    Instant far = Instant.parse("+10000-01-01T00:00:00Z");
    assertThat(JsonTime.format(far)).isEqualTo(JsonTime.formatted(far)).startsWith("+10000-");
    Instant before = Instant.parse("-0001-06-01T00:00:00Z");
    assertThat(JsonTime.format(before)).isEqualTo(JsonTime.formatted(before));
  }
}
