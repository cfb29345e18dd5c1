package com.kairos.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.kairos.bootstrap.LocalDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The production jar has no database in it; the development build does. */
class ProductionJarTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void theProductionJarCarriesNoPostgresqlBinariesAndIsSmall() throws IOException {
    Path jar = Path.of(System.getProperty("kairos.productionJar", "missing"));
    assertThat(jar).as("build bootstrap first: ./mvnw -DskipTests package").exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> database =
          file.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.startsWith("io/zonky/") || n.endsWith(".txz") || n.contains("pg_ctl"))
              .toList();
      assertThat(database).isEmpty();
      assertThat(file.getEntry("com/kairos/bootstrap/Main.class")).isNotNull();
      assertThat(file.getEntry("org/postgresql/Driver.class")).isNotNull();
    }
    assertThat(Files.size(jar)).isLessThan(40 * MIB);
  }

  @Test
  void theDevelopmentBuildRegistersItsEmbeddedDatabase() {
    assertThat(LocalDatabase.factory()).get().isInstanceOf(EmbeddedDatabase.Factory.class);
  }
}
