package com.kairos.application.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kairos.application.port.Keyset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final CursorCodec codec =
      new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final Keyset position =
      new Keyset(Instant.parse("2026-11-20T08:30:00.123456Z"), UUID.randomUUID());

  @Test
  void aCursorDecodesToItsExactPosition() {
    String cursor = codec.encode(position, "binding", NOW);
    assertThat(codec.decode(cursor, "binding", NOW.plus(Duration.ofHours(23)))).isEqualTo(position);
  }

  @Test
  void aCursorForAnotherBindingIsRefused() {
    String cursor = codec.encode(position, "alice|filters", NOW);
    assertThatThrownBy(() -> codec.decode(cursor, "bob|filters", NOW))
        .isInstanceOf(InvalidCursor.class);
  }

  @Test
  void aTamperedOrForeignlySignedCursorIsRefused() {
    String cursor = codec.encode(position, "b", NOW);
    String body = cursor.substring(0, cursor.indexOf('.'));
    String forgedBody =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8)
                    .replace("c1|", "c1|9")
                    .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () -> codec.decode(forgedBody + cursor.substring(cursor.indexOf('.')), "b", NOW))
        .isInstanceOf(InvalidCursor.class);
    CursorCodec other =
        new CursorCodec("another-secret-another-secret-12".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> other.decode(cursor, "b", NOW)).isInstanceOf(InvalidCursor.class);
  }

  @Test
  void garbageIsRefused() {
    for (String garbage : new String[] {"", ".", "abc", "a.b.c", "!!!.???", "x".repeat(600)}) {
      assertThatThrownBy(() -> codec.decode(garbage, "b", NOW))
          .as(garbage)
          .isInstanceOf(InvalidCursor.class);
    }
  }

  @Test
  void aCursorIsValidForTwentyFourHours() {
    String cursor = codec.encode(position, "b", NOW);
    assertThat(codec.decode(cursor, "b", NOW.plus(CursorCodec.VALIDITY))).isEqualTo(position);
    assertThatThrownBy(
            () -> codec.decode(cursor, "b", NOW.plus(CursorCodec.VALIDITY).plusSeconds(1)))
        .isInstanceOf(InvalidCursor.class);
    assertThatThrownBy(() -> codec.decode(cursor, "b", NOW.minus(Duration.ofMinutes(10))))
        .isInstanceOf(InvalidCursor.class);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new CursorCodec(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
