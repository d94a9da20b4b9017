package dev.roster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.ImportsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSetupTest {
  @TempDir Path dir;

  @Test
  void aWorkerWithImportsEnabledNeedsAStore() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> ImportSetup.forWorker(new ImportsConfig(true, null, List.of())));
    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("imports.store: required by the worker")
        .contains("imports.enabled: false");
  }

  @Test
  void aWorkerWithImportsDisabledNeedsNothingAndTakesNoImports() {
    ImportSetup setup = ImportSetup.forWorker(new ImportsConfig(false, null, List.of()));
    assertThat(setup.enabled()).isFalse();
  }

  @Test
  void aWorkerCreatesItsStoreOwnerOnlyAndFailsWhenItCannotWriteThere() throws Exception {
    ImportSetup setup =
        ImportSetup.forWorker(
            new ImportsConfig(true, dir.resolve("imports"), List.of(dir.resolve("uploads"))));
    assertThat(setup.store().root()).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(setup.store().root())))
        .isEqualTo("rwx------");
    assertThat(setup.allowedRoots()).containsExactly(dir.resolve("uploads"));

    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> ImportSetup.forWorker(new ImportsConfig(true, file.resolve("x"), List.of())));
    assertThat(e.problems()).singleElement().asString().startsWith("imports.store: cannot write");
  }

  @Test
  void devAndDemoDefaultToAStoreUnderTheWorkingDirectoryAndFilesFromIt() {
    ImportSetup setup = ImportSetup.forLocal(ImportsConfig.DEFAULTS, dir);
    assertThat(setup.store().root()).isEqualTo(dir.resolve(".roster/imports"));
    assertThat(setup.allowedRoots()).containsExactly(dir);
    // Created by the first import, not by starting up.
    assertThat(dir.resolve(".roster")).doesNotExist();
  }
}
