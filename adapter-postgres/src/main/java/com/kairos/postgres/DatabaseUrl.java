package com.kairos.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL location parsed from {@code postgres://user:pass@host:port/db?sslmode=…} or {@code
 * jdbc:postgresql://host:port/db?user=…&password=…}. Credentials are kept apart from the JDBC URL,
 * and {@link #toString()} never shows the password.
 */
public final class DatabaseUrl {
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private DatabaseUrl(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  public static DatabaseUrl of(String jdbcUrl, String user, String password) {
    return new DatabaseUrl(Objects.requireNonNull(jdbcUrl), user, password);
  }

  /**
   * Parses either form.
   *
   * @throws IllegalArgumentException with a message that never repeats the URL
   */
  public static DatabaseUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String text = raw.strip();
    boolean jdbc = text.startsWith("jdbc:postgresql://");
    if (!jdbc && !text.startsWith("postgres://") && !text.startsWith("postgresql://")) {
      throw new IllegalArgumentException("must start with postgres:// or jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = new URI(jdbc ? text.substring("jdbc:".length()) : text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid URL");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException("needs a host and a database name");
    }
    Map<String, String> params = query(uri.getRawQuery());
    String user = params.remove("user");
    String password = params.remove("password");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : password;
    }
    StringBuilder url =
        new StringBuilder("jdbc:postgresql://")
            .append(uri.getHost())
            .append(uri.getPort() > 0 ? ":" + uri.getPort() : "")
            .append(uri.getRawPath());
    String separator = "?";
    for (Map.Entry<String, String> p : params.entrySet()) {
      url.append(separator).append(p.getKey()).append('=').append(p.getValue());
      separator = "&";
    }
    return new DatabaseUrl(url.toString(), user, password);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return params;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** The same server with another database name. */
  public DatabaseUrl withDatabase(String database) {
    int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = jdbcUrl.indexOf('?', slash);
    String rest = query < 0 ? "" : jdbcUrl.substring(query);
    return new DatabaseUrl(jdbcUrl.substring(0, slash + 1) + database + rest, user, password);
  }

  /** The JDBC URL without credentials: safe to log. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public String toString() {
    return jdbcUrl + (user == null ? "" : " (user " + user + ", password redacted)");
  }
}
