package com.kairos.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void bytesAreTheUtf8OfTheTextEmojiIncluded() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "Café 😀 𝄞");
    value.put("items", List.of("ä", "\u2028", "plain"));
    value.put("nothing", null);

    byte[] bytes = Json.writeBytes(value);

    assertThat(bytes).isEqualTo(Json.write(value).getBytes(StandardCharsets.UTF_8));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\":\"Café 😀 𝄞\",\"items\":[\"ä\",\"\u2028\",\"plain\"],\"nothing\":null}")
        .doesNotContain("\\uD83D");
  }
}
