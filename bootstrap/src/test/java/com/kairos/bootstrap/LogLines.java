package com.kairos.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Finds captured JSON log lines. */
final class LogLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LogLines() {}

  /** The "request completed" line written under {@code traceId}. */
  static JsonNode requestLine(LogCapture logs, String traceId) {
    return logs.text()
        .lines()
        .filter(l -> l.contains("\"request completed\"") && l.contains(traceId))
        .map(LogLines::parse)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no request line with trace " + traceId));
  }

  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
