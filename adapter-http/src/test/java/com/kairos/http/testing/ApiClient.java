package com.kairos.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.domain.common.UserId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for API tests: requests with a user's token, answers as parsed JSON. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  /** A client of a running server, whose document it fetches now and holds every answer to. */
  public ApiClient(String base) {
    this.base = base;
    contract();
  }

  /** A client whose answers are held to {@code openApiDocument} (no request to fetch it). */
  public ApiClient(String base, String openApiDocument) {
    this.base = base;
    this.contract = new OpenApiContract(openApiDocument);
  }

  private OpenApiContract contract;

  /** The served document every answer is held to (fetched once). */
  private synchronized OpenApiContract contract() {
    if (contract == null) {
      try {
        HttpResponse<String> doc =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        contract = new OpenApiContract(doc.body());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return contract;
  }

  /** A response: status, headers (first value each, lower-case names) and the parsed body. */
  public record Answer(int status, Map<String, String> headers, String text, JsonNode json) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public JsonNode data() {
      return json.get("data");
    }

    public JsonNode error() {
      return json.get("error");
    }
  }

  public Answer get(String path, UserId as) {
    return send("GET", path, as == null ? Map.of() : auth(as), null);
  }

  public Answer post(String path, UserId as, String body) {
    return send("POST", path, withJson(as), body);
  }

  public Answer patch(String path, UserId as, String body) {
    return send("PATCH", path, withJson(as), body);
  }

  public Answer send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> flat = new java.util.HashMap<>();
      response
          .headers()
          .map()
          .forEach((k, v) -> flat.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      String text = response.body();
      String type = flat.getOrDefault("content-type", "");
      JsonNode json =
          text == null || text.isEmpty() || !type.startsWith("application/json")
              ? null
              : JSON.readTree(text);
      Answer answer = new Answer(response.statusCode(), flat, text, json);
      if (!path.startsWith("/openapi.json")) {
        contract().check(method, path, answer);
      }
      return answer;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, String> auth(UserId as) {
    return Map.of("Authorization", "Bearer " + TestIdentityVerifier.token(as));
  }

  private static Map<String, String> withJson(UserId as) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Content-Type", "application/json");
    if (as != null) {
      headers.putAll(auth(as));
    }
    return headers;
  }
}
