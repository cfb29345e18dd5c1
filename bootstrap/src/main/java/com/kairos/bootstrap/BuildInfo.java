package com.kairos.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version, commit and build time, filled in by the Maven build. */
record BuildInfo(String version, String commit, String buildTimestamp) {

  static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/kairos-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unknown build is still a working server
    }
    return new BuildInfo(
        clean(p.getProperty("version")),
        clean(p.getProperty("commit")),
        clean(p.getProperty("build.timestamp")));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
