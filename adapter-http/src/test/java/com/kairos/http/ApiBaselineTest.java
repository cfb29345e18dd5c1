package com.kairos.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kairos.http.testing.ApiTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The served document breaks nothing the committed baseline ({@code docs/openapi/v1-baseline.json})
 * promised, as judged by openapi-diff: apps generated from the baseline keep working. An intended
 * break must update the baseline in the same commit: {@code ./mvnw -pl adapter-http -am test
 * -Dtest=ApiBaselineTest -Dkairos.openapi.writeBaseline=true
 * -Dsurefire.failIfNoSpecifiedTests=false} rewrites it from the server.
 */
class ApiBaselineTest extends ApiTest {
  static final Path BASELINE = Path.of("..", "docs", "openapi", "v1-baseline.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** With metrics on, as outside production: the whole surface, {@code /metrics} included. */
  @Override
  protected PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Test
  void theServedDocumentBreaksNothingTheBaselinePromised() throws Exception {
    String served = api.openApiJson();
    if (Boolean.getBoolean("kairos.openapi.writeBaseline")) {
      Files.writeString(BASELINE, served + "\n");
    }
    ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(BASELINE), served);
    assertThat(diff.isIncompatible())
        .as("breaking changes against the v1 baseline:%n%s", markdown(diff))
        .isFalse();
  }

  @Test
  void theCheckRefusesARemovedOperationAndANewRequiredRequestField() throws Exception {
    String served = api.openApiJson();
    ObjectNode removed = (ObjectNode) JSON.readTree(served);
    ((ObjectNode) removed.get("paths")).remove("/negotiations");
    assertThat(OpenApiCompare.fromContents(served, removed.toString()).isIncompatible()).isTrue();

    ObjectNode required = (ObjectNode) JSON.readTree(served);
    ObjectNode start =
        (ObjectNode) required.get("components").get("schemas").get("StartNegotiationRequest");
    ((ObjectNode) start.get("properties")).putObject("new_field").put("type", "string");
    ((ArrayNode) start.get("required")).add("new_field");
    assertThat(OpenApiCompare.fromContents(served, required.toString()).isIncompatible()).isTrue();
  }

  @Test
  void aNewResponseFieldAndANewEnumValueAreNotBreaks() throws Exception {
    String served = api.openApiJson();
    ObjectNode grown = (ObjectNode) JSON.readTree(served);
    ObjectNode schemas = (ObjectNode) grown.get("components").get("schemas");
    ((ObjectNode) schemas.get("Negotiation").get("properties"))
        .putObject("added_later")
        .put("type", "string");
    ((ArrayNode) schemas.get("NegotiationState").get("enum")).add("archived");
    ChangedOpenApi diff = OpenApiCompare.fromContents(served, grown.toString());
    assertThat(diff.isIncompatible()).as(markdown(diff)).isFalse();
    assertThat(diff.isDifferent()).isTrue();
  }

  private static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
