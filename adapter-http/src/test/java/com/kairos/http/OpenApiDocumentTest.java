package com.kairos.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kairos.http.testing.ApiClient.Answer;
import com.kairos.http.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document: 3.1, complete, and free of dangling references. */
class OpenApiDocumentTest extends ApiTest {
  private static final Set<String> METHODS = Set.of("get", "post", "patch", "put", "delete");

  private JsonNode document() throws Exception {
    Answer a = client.get("/openapi.json", null);
    assertThat(a.status()).isEqualTo(200);
    return new ObjectMapper().readTree(a.text());
  }

  @Test
  void itIsAnOpenApi31Document() throws Exception {
    JsonNode doc = document();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.get("info").get("title").asText()).isNotBlank();
    assertThat(doc.get("components").get("securitySchemes").get("firebase").get("scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedPathIsRegistered() throws Exception {
    Set<String> documented = new TreeSet<>();
    document()
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (METHODS.contains(m)) {
                            documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    Set<String> registered = new TreeSet<>(api.registeredRoutes());
    assertThat(registered).hasSize(22);
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void everyReferenceResolves() throws Exception {
    JsonNode doc = document();
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as(ref).startsWith("#/");
      JsonNode target = doc.at(ref.substring(1));
      assertThat(target.isMissingNode()).as("dangling " + ref).isFalse();
    }
  }

  @Test
  void errorsAndProtectedOperationsAreDescribed() throws Exception {
    JsonNode start = document().get("paths").get("/negotiate/start").get("post");
    assertThat(start.get("security")).isNotNull();
    assertThat(
            start
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema")
                .get("$ref")
                .asText())
        .isEqualTo("#/components/schemas/StartNegotiationRequest");
    for (String status : new String[] {"201", "400", "401", "409", "413", "415", "422", "500"}) {
      assertThat(start.get("responses").has(status)).as(status).isTrue();
    }
    assertThat(start.get("security").get(0).has("firebase")).isTrue();
    JsonNode health = document().get("paths").get("/health").get("get");
    // Public routes say so explicitly, as `security: []`.
    assertThat(health.get("security").isArray()).isTrue();
    assertThat(health.get("security")).isEmpty();
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                if (f.getKey().equals("$ref")) {
                  refs.add(f.getValue().asText());
                } else {
                  collectRefs(f.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
