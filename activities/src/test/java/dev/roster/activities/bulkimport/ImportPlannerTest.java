package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlannerTest {
  @TempDir Path dir;

  private final ImportPlanner planner = new ImportPlanner(FileSourceOpener.anywhere());

  @Test
  void dryRunCountsRowsAndMasksEmailsAndWritesFailureCsvNextToTheSource() throws IOException {
    Path csv =
        write(
            "people.csv",
            "\uFEFFemail;first_name;role;notes\r\n"
                + "ada@example.com;Ada;admin;x\r\n"
                + "bob@example.com;=1+1;;y\r\n"
                + "not-an-email;C;;\r\n"
                + "ADA@example.com;Ada;;\r\n"
                + "eve@example.com;Eve;owner;\r\n"
                + "fay@example.com;Fay;;\r\n");
    ImportPlan plan = planner.plan(ImportSource.file(csv), ImportOptions.defaults());
    DryRunReport report = plan.report();

    assertThat(plan.delimiter()).isEqualTo(';');
    assertThat(report.rowsRead()).isEqualTo(6);
    assertThat(report.valid()).isEqualTo(2);
    assertThat(report.invalid()).isEqualTo(4);
    assertThat(report.withTeamRole()).isEqualTo(1);
    assertThat(report.unknownColumns()).containsExactly("notes");
    assertThat(report.invalidByReason())
        .containsExactly(
            Map.entry(RowProblem.INVALID_EMAIL, 1L),
            Map.entry(RowProblem.FORMULA_CELL, 1L),
            Map.entry(RowProblem.UNKNOWN_ROLE, 1L),
            Map.entry(RowProblem.DUPLICATE_EMAIL, 1L));
    assertThat(report.firstProblems())
        .extracting(ProblemSample::line, ProblemSample::maskedEmail)
        .containsExactly(
            RowValidatorTest.tuple(3, "b***@example.com"),
            RowValidatorTest.tuple(4, "***"),
            RowValidatorTest.tuple(5, "A***@example.com"),
            RowValidatorTest.tuple(6, "e***@example.com"));
    assertThat(report.toText())
        .contains("rows read: 6, valid: 2, invalid: 4, with team role: 1")
        .contains("line 5 DUPLICATE_EMAIL A***@example.com: same email as line 2")
        .doesNotContain("ada@example.com", "bob@example.com");

    Path failures = dir.resolve("people.failures.csv");
    assertThat(report.failureReport()).isEqualTo(failures.toString());
    List<String> lines = Files.readAllLines(failures, StandardCharsets.UTF_8);
    assertThat(lines)
        .containsExactly(
            "\uFEFFline,reason,detail,email,email,first_name,role,notes",
            "3,FORMULA_CELL,column 'first_name' starts like a formula,bob@example.com,"
                + "bob@example.com,'=1+1,,y",
            "4,INVALID_EMAIL,email is not a valid address,not-an-email,not-an-email,C,,",
            "5,DUPLICATE_EMAIL,same email as line 2,ADA@example.com,ADA@example.com,Ada,,",
            "6,UNKNOWN_ROLE,\"role must be viewer, editor or admin\",eve@example.com,"
                + "eve@example.com,Eve,owner,");
  }

  @Test
  void reportGoesToTheConfiguredDirectoryUnderTheGivenName() throws IOException {
    Path csv = write("in.csv", "email\na@example.com\n");
    ImportOptions options =
        ImportOptions.defaults().withReport(dir.resolve("reports").toString(), "import-42");
    ImportPlan plan = planner.plan(ImportSource.file(csv), options);
    assertThat(Path.of(plan.report().failureReport()))
        .isEqualTo(dir.resolve("reports/import-42.failures.csv"))
        .exists();
  }

  @Test
  void missingEmailColumnFailsThePlan() throws IOException {
    Path csv = write("bad.csv", "mail,name\na@example.com,A\n");
    assertThatThrownBy(() -> planner.plan(ImportSource.file(csv), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER));
  }

  @Test
  void missingFileIsSourceNotFound() {
    assertThatThrownBy(
            () ->
                planner.plan(ImportSource.file(dir.resolve("nope.csv")), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_NOT_FOUND);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void tooManyRowsFailsThePlan() throws IOException {
    Path csv = write("many.csv", "email\na@example.com\nb@example.com\nc@example.com\n");
    ImportOptions options = ImportOptions.defaults().withMaxRows(2);
    assertThatThrownBy(() -> planner.plan(ImportSource.file(csv), options))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_TOO_LARGE));
  }

  @Test
  void filesOutsideTheAllowedRootsAreRefused() throws IOException {
    Path csv = write("a.csv", "email\n");
    ImportPlanner confined =
        new ImportPlanner(new FileSourceOpener(List.of(dir.resolve("imports"))));
    assertThatThrownBy(() -> confined.plan(ImportSource.file(csv), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_ACCESS_DENIED));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
