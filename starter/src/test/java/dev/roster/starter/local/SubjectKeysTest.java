package dev.roster.starter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.activities.control.SubjectHasher;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which subject key each kind of command uses, and that the public one never meets a cluster. */
class SubjectKeysTest {
  private static final String EMAIL = "ada@example.com";
  private static final String PUBLIC_DEV_ID =
      new SubjectHasher(
              "roster-dev-subject-key-not-for-production".getBytes(StandardCharsets.UTF_8))
          .subjectOf(EMAIL);
  private static final RosterConfig EMBEDDED =
      ConfigLoader.parse("accounts: {brevo-main: {type: brevo}}\n", "t.yaml", Map.of());

  @Test
  void devOnTheEmbeddedServerGeneratesAFreshKeyEachStart() {
    SubjectKeys.Local first = SubjectKeys.forLocal(EMBEDDED, Map.of(), true);
    SubjectKeys.Local second = SubjectKeys.forLocal(EMBEDDED, Map.of(), true);

    assertThat(first.ephemeral()).isPresent();
    assertThat(first.hasher().subjectOf(EMAIL))
        .isNotEqualTo(second.hasher().subjectOf(EMAIL))
        .isNotEqualTo(PUBLIC_DEV_ID);
  }

  @Test
  void devAgainstAClusterWithoutAKeyIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> SubjectKeys.forLocal(EMBEDDED, Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("subjectKey")
        .hasMessageContaining("ROSTER_SUBJECT_KEY");
  }

  @Test
  void aConfiguredKeyWinsAndIsNotRecordedAsEphemeral() {
    Map<String, String> env = Map.of("ROSTER_SUBJECT_KEY", "configured-key-of-32-bytes-long!");
    SubjectKeys.Local local = SubjectKeys.forLocal(EMBEDDED, env, true);

    assertThat(local.ephemeral()).isEmpty();
    assertThat(local.hasher().subjectOf(EMAIL))
        .isEqualTo(
            new SubjectHasher("configured-key-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8))
                .subjectOf(EMAIL));
  }

  @Test
  void aCommandUsesTheKeyRoster_devRecordedSoBothComputeTheSameIds() {
    SubjectKeys.Local dev = SubjectKeys.forLocal(EMBEDDED, Map.of(), true);
    String recorded = dev.ephemeral().orElseThrow().reveal();

    SubjectHasher command =
        SubjectKeys.forCommand(EMBEDDED, Map.of(), false, Optional.of(recorded));

    assertThat(command.subjectOf(EMAIL)).isEqualTo(dev.hasher().subjectOf(EMAIL));
  }

  @Test
  void aCommandAgainstAClusterNeverFallsBackToTheRecordedOrPublicKey() {
    assertThatThrownBy(
            () -> SubjectKeys.forCommand(EMBEDDED, Map.of(), true, Optional.of("x".repeat(44))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("subjectKey");
  }
}
