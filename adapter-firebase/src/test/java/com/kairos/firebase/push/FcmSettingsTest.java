package com.kairos.firebase.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FcmSettingsTest {

  @Test
  void theApiUrlDefaultsToGooglesEndpointWithShortTimeouts() {
    FcmSettings settings = new FcmSettings("p", null, null, null);

    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://fcm.googleapis.com"));
    assertThat(settings.usesDefaultApiUrl()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aTrailingSlashIsStillTheDefaultEndpointAndALocalFakeIsNot() {
    assertThat(
            new FcmSettings("p", URI.create("https://fcm.googleapis.com/"), null, null)
                .usesDefaultApiUrl())
        .isTrue();
    assertThat(
            new FcmSettings("p", URI.create("http://127.0.0.1:9099"), null, null)
                .usesDefaultApiUrl())
        .isFalse();
  }

  @Test
  void anEmailWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> new FcmSettings("p", null, "sa@p.iam.gserviceaccount.com", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("go together");
  }

  @Test
  void aUrlThatIsNotAnHttpBaseIsRefused() {
    assertThatThrownBy(() -> new FcmSettings("p", URI.create("ftp://example.com"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FcmSettings("p", URI.create("http://h/?q=1"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsThePrivateKey() {
    FcmSettings settings =
        new FcmSettings(
            "p",
            null,
            "sa@p.iam.gserviceaccount.com",
            "-----BEGIN PRIVATE KEY-----\\nSECRETKEYMATERIAL\\n-----END PRIVATE KEY-----");

    assertThat(settings.toString())
        .doesNotContain("SECRETKEYMATERIAL")
        .doesNotContain("PRIVATE KEY")
        .contains("service account (redacted)");
  }

  @Test
  void aKeyThatIsNotPemFailsAtCreation() {
    FcmSettings settings = new FcmSettings("p", null, "sa@p.iam.gserviceaccount.com", "not a key");

    assertThatThrownBy(() -> FcmPushSender.create(settings, java.time.Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FIREBASE_PRIVATE_KEY is not a PKCS#8 PEM key");
  }
}
