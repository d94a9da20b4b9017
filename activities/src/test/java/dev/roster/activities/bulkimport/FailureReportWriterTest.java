package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReportWriterTest {
  @TempDir Path dir;

  @Test
  void formulaCellsAreNeutralisedAndQuotedWhenNeeded() {
    assertThat(FailureReportWriter.escape("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(FailureReportWriter.escape("+1")).isEqualTo("'+1");
    assertThat(FailureReportWriter.escape("-2")).isEqualTo("'-2");
    assertThat(FailureReportWriter.escape("@x")).isEqualTo("'@x");
    assertThat(FailureReportWriter.escape("=a,b")).isEqualTo("\"'=a,b\"");
    assertThat(FailureReportWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(FailureReportWriter.escape("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(FailureReportWriter.escape("plain")).isEqualTo("plain");
  }

  @Test
  void theEmailAppearsOnceAndARefusedRowHasItInTheSourcesEmailColumn() throws IOException {
    Path path = dir.resolve("failures.csv");
    try (FailureReportWriter writer =
        FailureReportWriter.create(path, List.of("first_name", "email"), 1)) {
      writer.append(
          new RowFailure(2, 0, RowProblem.INVALID_EMAIL, "email is empty", "", List.of("Ada", "")));
    }
    try (FailureReportWriter writer = FailureReportWriter.appendTo(path, 1)) {
      writer.appendRefused(9, "VENDOR_REJECTED", "mailjet: blocked", "x@example.com");
      assertThat(writer.path()).isEqualTo(path);
    }
    assertThat(Files.readAllLines(path, StandardCharsets.UTF_8))
        .containsExactly(
            "\uFEFFline,reason,detail,first_name,email",
            "2,INVALID_EMAIL,email is empty,Ada,",
            "9,VENDOR_REJECTED,mailjet: blocked,,x@example.com");
  }

  @Test
  void theReportIsReadableByItsOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path path = dir.resolve("store/import-1/failures.csv");
    Files.createDirectories(path.getParent());
    Files.writeString(path, "left by an older version");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    try (FailureReportWriter writer = FailureReportWriter.create(path, List.of("email"), 0)) {
      writer.appendRefused(2, "VENDOR_REJECTED", "brevo: blocked", "x@example.com");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
  }
}
