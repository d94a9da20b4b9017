package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void vendorFailuresAppendToThePlannedReport() throws IOException {
    Path path = dir.resolve("r.failures.csv");
    try (FailureReportWriter writer = FailureReportWriter.create(path, List.of("email"))) {
      writer.append(
          new RowFailure(2, 0, RowProblem.INVALID_EMAIL, "email is empty", "", List.of("")));
    }
    try (FailureReportWriter writer = FailureReportWriter.appendTo(path)) {
      writer.append(9, "VENDOR_REJECTED", "mailjet: blocked", "x@example.com", List.of());
      assertThat(writer.path()).isEqualTo(path);
    }
    assertThat(Files.readAllLines(path, StandardCharsets.UTF_8))
        .containsExactly(
            "\uFEFFline,reason,detail,email,email",
            "2,INVALID_EMAIL,email is empty,,",
            "9,VENDOR_REJECTED,mailjet: blocked,x@example.com");
  }
}
