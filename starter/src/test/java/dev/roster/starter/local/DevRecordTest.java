package dev.roster.starter.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.activities.http.Secret;
import dev.roster.workflows.codec.EncryptingPayloadCodec;
import dev.roster.workflows.codec.PayloadKeyRing;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code roster dev} records that it listens, and how the other commands find it. */
class DevRecordTest {
  @TempDir Path dir;
  @TempDir Path state;

  private Map<String, String> env() {
    return Map.of("XDG_STATE_HOME", state.toString());
  }

  @Test
  void aRecordIsOwnerOnlyFoundWhileItsProcessLivesAndRemovedOnClose() throws IOException {
    DevRecord record =
        DevRecord.of("127.0.0.1:17233", "default", "http://127.0.0.1:8080", Optional.empty());

    DevRecord.Written written = record.write(dir, env());

    assertThat(written.file()).isEqualTo(dir.resolve(DevRecord.FILE_NAME));
    assertThat(Files.getPosixFilePermissions(written.file()))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(DevRecord.find(dir, env()))
        .hasValueSatisfying(
            found -> {
              assertThat(found.record()).isEqualTo(record);
              assertThat(found.file()).isEqualTo(written.file());
            });
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(written.file()); // no temporary file left behind
    }

    written.close();

    assertThat(written.file()).doesNotExist();
    assertThat(DevRecord.find(dir, env())).isEmpty();
  }

  @Test
  void theEphemeralPayloadKeyIsReadBackAsARingAndNeverPrinted() throws IOException {
    String key = PayloadKeyRing.newKey();
    DevRecord record =
        DevRecord.of("127.0.0.1:17233", "default", "http://x", Optional.of(new Secret(key)));

    record.write(dir, env());
    DevRecord found = DevRecord.find(dir, env()).orElseThrow().record();

    assertThat(found.payloadKeys())
        .hasValueSatisfying(ring -> assertThat(ring.activeId()).isEqualTo("ephemeral"));
    // The ring decrypts what a ring of the same key wrote: it is the recorded key.
    var plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload("x").orElseThrow();
    var written =
        new EncryptingPayloadCodec(LocalPayloadKeys.ring(new Secret(key))).encode(List.of(plain));
    assertThat(new EncryptingPayloadCodec(found.payloadKeys().get()).decode(written))
        .containsExactly(plain);
    assertThat(found.toString()).contains("[REDACTED]").doesNotContain(key);
    assertThat(DevRecord.of("h:1", "default", "http://x", Optional.empty()).payloadKeys())
        .isEmpty();
  }

  @Test
  void aRecordOfAProcessThatIsGoneIsIgnored() throws IOException {
    long gone = ProcessHandle.current().pid() + 1_000_000;
    Files.writeString(
        dir.resolve(DevRecord.FILE_NAME),
        "{\"format\":1,\"pid\":"
            + gone
            + ",\"temporal\":\"127.0.0.1:1\",\"namespace\":\"default\"}");

    assertThat(DevRecord.find(dir, env())).isEmpty();
  }

  @Test
  void laterFieldsAreIgnoredSoTheFormatCanGrow() throws IOException {
    long me = ProcessHandle.current().pid();
    Files.writeString(
        dir.resolve(DevRecord.FILE_NAME),
        "{\"format\":2,\"pid\":"
            + me
            + ",\"temporal\":\"127.0.0.1:17233\",\"namespace\":\"dev\","
            + "\"codec\":{\"keyId\":\"k1\",\"key\":\"...\"}}");

    assertThat(DevRecord.find(dir, env()))
        .hasValueSatisfying(
            found -> assertThat(found.record().temporal()).isEqualTo("127.0.0.1:17233"));
  }

  @Test
  void theStateDirectoryIsReadWhenTheWorkingDirectoryHasNoRecord() throws IOException {
    Path elsewhere = dir.resolve("elsewhere");
    DevRecord record =
        DevRecord.of("127.0.0.1:27233", "default", "http://127.0.0.1:1", Optional.empty());
    // A "working directory" that is a file cannot hold the record: it goes to the state directory.
    Path notADirectory = Files.createFile(dir.resolve("plain"));
    DevRecord.Written written = record.write(notADirectory, env());
    try {
      assertThat(written.file()).isEqualTo(state.resolve("roster").resolve("dev.json"));
      assertThat(DevRecord.find(elsewhere, env()))
          .hasValueSatisfying(found -> assertThat(found.record()).isEqualTo(record));
    } finally {
      written.close();
    }
  }

  @Test
  void closingLeavesARecordAnotherProcessWroteSince() throws IOException {
    DevRecord.Written written =
        DevRecord.of("127.0.0.1:17233", "default", "http://x", Optional.empty()).write(dir, env());
    Files.writeString(
        written.file(),
        "{\"format\":1,\"pid\":1,\"temporal\":\"127.0.0.1:7\",\"namespace\":\"default\"}");

    written.close();

    assertThat(written.file()).exists();
  }

  @Test
  void theEphemeralSubjectKeyIsRecordedForTheCommandsButNotPrinted() throws IOException {
    DevRecord record =
        DevRecord.of("127.0.0.1:17233", "default", "http://x", Optional.empty())
            .withSubjectKey(Optional.of(new Secret("k".repeat(44))));

    try (DevRecord.Written written = record.write(dir, env())) {
      assertThat(DevRecord.find(dir, env()).orElseThrow().record().subjectKey())
          .isEqualTo("k".repeat(44));
    }
    assertThat(record.toString()).doesNotContain("kkkk");
  }
}
