package dev.roster.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportsConfigTest {

  @Test
  void theImportsSectionIsReadAndDefaultsToEnabledWithNothingConfigured() {
    ImportsConfig imports =
        ConfigLoader.parse(
                "imports: {store: /var/lib/roster/imports, allowedRoots: [/srv/uploads, data]}",
                "roster.yaml",
                Map.of())
            .imports();
    assertThat(imports.enabled()).isTrue();
    assertThat(imports.store()).isEqualTo(Path.of("/var/lib/roster/imports"));
    assertThat(imports.allowedRoots()).containsExactly(Path.of("/srv/uploads"), Path.of("data"));

    ImportsConfig defaults = ConfigLoader.defaults().imports();
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.store()).isNull();
    assertThat(defaults.allowedRoots()).isEmpty();
    assertThat(defaults.deleteFilesWhenDone()).isFalse();
  }

  @Test
  void deleteFilesWhenDoneIsReadAndCheckedLikeAnyFlag() {
    assertThat(
            ConfigLoader.parse("imports: {deleteFilesWhenDone: true}", "roster.yaml", Map.of())
                .imports()
                .deleteFilesWhenDone())
        .isTrue();
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "imports: {deleteFilesWhenDone: soon}", "roster.yaml", Map.of()));
    assertThat(e.problems())
        .containsExactly("imports.deleteFilesWhenDone: expected true or false, got \"soon\"");
  }

  @Test
  void badImportsKeysAndValuesFailNamingTheirPaths() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "imports: {stor: /x, enabled: maybe, allowedRoots: /srv}",
                    "roster.yaml",
                    Map.of()));
    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "imports.stor: unknown key (expected one of: enabled, store, allowedRoots,"
                + " deleteFilesWhenDone)",
            "imports.enabled: expected true or false, got \"maybe\"",
            "imports.allowedRoots: expected a list of directories like [/srv/roster/uploads],"
                + " got \"/srv\"");
  }

  @Test
  void theStoreCanComeFromTheEnvironment() {
    ImportsConfig imports =
        ConfigLoader.parse("", "roster.yaml", Map.of("ROSTER__IMPORTS__STORE", "/mnt/imports"))
            .imports();
    assertThat(imports.store()).isEqualTo(Path.of("/mnt/imports"));
  }
}
