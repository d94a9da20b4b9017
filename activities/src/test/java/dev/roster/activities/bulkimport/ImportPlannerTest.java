package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlannerTest {
  @TempDir Path dir;

  private ImportPlan plan(Path csv) {
    return plan(ImportSource.file(csv), ImportOptions.defaults());
  }

  private ImportPlan plan(ImportSource source, ImportOptions options) {
    return new ImportPlanner(new FileSourceOpener(List.of(dir)))
        .plan(source, options, new ImportStore(dir.resolve("store")), "import-42");
  }

  @Test
  void dryRunCountsRowsMasksEmailsAndWritesTheFailureCsvToTheStore() throws IOException {
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
    ImportPlan plan = plan(csv);
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

    Path failures = dir.resolve("store/import-42/failures.csv");
    assertThat(report.failureReport()).isEqualTo(failures.toString());
    // One email column: the source's own.
    assertThat(Files.readAllLines(failures, StandardCharsets.UTF_8))
        .containsExactly(
            "\uFEFFline,reason,detail,email,first_name,role,notes",
            "3,FORMULA_CELL,column 'first_name' starts like a formula,bob@example.com,'=1+1,,y",
            "4,INVALID_EMAIL,email is not a valid address,not-an-email,C,,",
            "5,DUPLICATE_EMAIL,same email as line 2,ADA@example.com,Ada,,",
            "6,UNKNOWN_ROLE,\"role must be viewer, editor or admin\",eve@example.com,Eve,owner,");
  }

  @Test
  void planningWritesNothingBesideTheSource() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("uploads"));
    Path csv = Files.writeString(sources.resolve("in.csv"), "email\na@example.com\nbad\n");

    plan(csv);

    try (Stream<Path> beside = Files.list(sources)) {
      assertThat(beside).containsExactly(csv);
    }
    assertThat(dir.resolve("store/import-42/failures.csv")).exists();
  }

  @Test
  void aCsvWithoutAHeaderRowFailsWithoutRepeatingItsFirstRow() throws IOException {
    Path csv = write("headless.csv", "ada@example.com,Ada,Lovelace\ngrace@example.com,Grace,H\n");
    assertThatThrownBy(() -> plan(csv))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.BAD_HEADER))
        .hasMessageContaining("3 columns")
        .hasMessageNotContaining("ada")
        .hasMessageNotContaining("Lovelace");
  }

  @Test
  void anUnknownColumnThatLooksLikeAnEmailIsMasked() throws IOException {
    Path csv = write("odd.csv", "email,grace@example.com\na@example.com,x\n");
    assertThat(plan(csv).report().unknownColumns()).containsExactly("g***@example.com");
  }

  @Test
  void aBinaryFileGetsItsOwnError() throws IOException {
    Path zip = dir.resolve("contacts.xlsx");
    Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 'e', 'm', 'a', 'i', 'l'});
    assertThatThrownBy(() -> plan(zip))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.NOT_TEXT))
        .hasMessageContaining("not a text CSV");
  }

  @Test
  void aDirectoryGetsItsOwnError() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("exports"));
    assertThatThrownBy(() -> plan(folder))
        .isInstanceOfSatisfying(
            ImportFailed.class, e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.NOT_A_FILE))
        .hasMessageContaining("is a directory");
  }

  @Test
  void missingFileIsSourceNotFound() {
    assertThatThrownBy(() -> plan(dir.resolve("nope.csv")))
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
    assertThatThrownBy(() -> plan(ImportSource.file(csv), ImportOptions.defaults().withMaxRows(2)))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_TOO_LARGE));
  }

  @Test
  void filesOutsideTheAllowedRootsAreRefusedNamingTheSetting() throws IOException {
    Path roots = Files.createDirectories(dir.resolve("imports"));
    Path outside = write("secret.csv", "email\na@example.com\n");
    Path link = Files.createSymbolicLink(roots.resolve("link.csv"), outside);
    ImportPlanner confined = new ImportPlanner(new FileSourceOpener(List.of(roots)));
    ImportStore store = new ImportStore(dir.resolve("store"));

    for (Path refused :
        List.of(
            outside,
            link,
            roots.resolve("../secret.csv"),
            roots.resolve("sub/../../nothing-here.csv"))) {
      assertThatThrownBy(
              () -> confined.plan(ImportSource.file(refused), ImportOptions.defaults(), store, "x"))
          .as(refused.toString())
          .isInstanceOfSatisfying(
              ImportFailed.class,
              e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_ACCESS_DENIED))
          .hasMessageContaining("imports.allowedRoots");
    }
  }

  @Test
  void withoutAllowedRootsEveryFileIsRefused() throws IOException {
    Path csv = write("a.csv", "email\na@example.com\n");
    ImportPlanner none = new ImportPlanner(new FileSourceOpener(List.of()));
    assertThatThrownBy(
            () ->
                none.plan(
                    ImportSource.file(csv),
                    ImportOptions.defaults(),
                    new ImportStore(dir.resolve("store")),
                    "x"))
        .isInstanceOfSatisfying(
            ImportFailed.class,
            e -> assertThat(e.kind()).isEqualTo(ImportFailed.Kind.SOURCE_ACCESS_DENIED))
        .hasMessageContaining("imports.allowedRoots is not configured");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
