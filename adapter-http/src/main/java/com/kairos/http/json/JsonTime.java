package com.kairos.http.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timestamps on the wire: RFC 3339 with any offset in, UTC with milliseconds and {@code Z} out. */
public final class JsonTime {
  private JsonTime() {}

  /**
   * Every timestamp the API writes: UTC, {@code Z}, exactly three fractional digits, so one
   * decoding strategy reads them all (2026-11-25T06:01:10.114Z).
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * {@code instant} as the API writes it; null stays null. Written digit by digit: a response
   * carries a dozen timestamps and the formatter cost about 3% of a GET's CPU. Years outside
   * 0000-9999 (which the API never stores) go through the formatter, so the output is the
   * formatter's for every instant.
   */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return TIMESTAMP.format(instant);
    }
    byte[] text = new byte[24];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, t.getHour(), 2);
    text[13] = ':';
    digits(text, 14, t.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, t.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** {@code value} as exactly {@code width} decimal digits at {@code at}. */
  private static void digits(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?)"
              + "(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))");

  /**
   * An RFC 3339 date-time as an instant. Every offset RFC 3339 allows is accepted, up to {@code
   * ±23:59}: {@link java.time.OffsetDateTime} stops at ±18:00, so the offset is applied here.
   *
   * @throws DateTimeParseException when {@code text} is not an RFC 3339 date-time
   */
  public static Instant parse(String text) {
    Matcher m = RFC_3339.matcher(text);
    if (!m.matches()) {
      throw new DateTimeParseException("not an RFC 3339 date-time", "", 0);
    }
    Instant local = LocalDateTime.parse(m.group(1) + "T" + m.group(2)).toInstant(ZoneOffset.UTC);
    if (m.group(3) == null) {
      return local;
    }
    int hours = Integer.parseInt(m.group(4));
    int minutes = Integer.parseInt(m.group(5));
    if (hours > 23 || minutes > 59) {
      throw new DateTimeParseException("offset out of range", "", 0);
    }
    int seconds = hours * 3600 + minutes * 60;
    return local.minusSeconds(m.group(3).equals("+") ? seconds : -seconds);
  }

  /** The formatter's rendering, for tests that compare the two. */
  static String formatted(Instant instant) {
    return TIMESTAMP.format(instant);
  }
}
