package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
  private static final String HEADER = "email,first_name,last_name,lists,role,attr.company\n";

  @Test
  void validRowBecomesAnImportRow() throws IOException {
    List<RowCheck> checks = check(HEADER + " Ada@Example.com ,Ada, Lovelace ,3| 7||3,Admin,\n");
    assertThat(checks.get(0))
        .isEqualTo(
            new RowCheck.Valid(
                new ImportRow(
                    2,
                    "Ada@Example.com",
                    "Ada",
                    "Lovelace",
                    List.of("3", "7"),
                    "admin",
                    Map.of())));
  }

  @Test
  void eachReasonIsReportedWithItsLineNumber() throws IOException {
    String csv =
        HEADER
            + "not-an-email,A,B,,,\n" // line 2
            + ",A,B,,,\n" // line 3
            + "c@example.com,=HYPERLINK(\"x\"),B,,,\n" // line 4
            + "d@example.com,A,B,,owner,\n" // line 5
            + "e@example.com,A,B,,\n" // line 6: ragged (5 cells)
            + "f@example.com,A,B,,,,extra\n" // line 7: ragged (7 cells)
            + "g@example.com,\"multi\nline\",@SUM(1),,,\n"; // line 8, formula in last_name
    List<RowFailure> failures = failures(check(csv));
    assertThat(failures)
        .extracting(RowFailure::line, RowFailure::reason)
        .containsExactly(
            tuple(2, RowProblem.INVALID_EMAIL),
            tuple(3, RowProblem.INVALID_EMAIL),
            tuple(4, RowProblem.FORMULA_CELL),
            tuple(5, RowProblem.UNKNOWN_ROLE),
            tuple(6, RowProblem.RAGGED_ROW),
            tuple(7, RowProblem.RAGGED_ROW),
            tuple(8, RowProblem.FORMULA_CELL));
    assertThat(failures.get(1).detail()).isEqualTo("email is empty");
    assertThat(failures.get(6).detail()).contains("'last_name'");
    assertThat(failures.get(4).detail()).isEqualTo("5 cells, the header has 6 columns");
    assertThat(failures).allSatisfy(f -> assertThat(f.detail()).doesNotContain("@example"));
  }

  @Test
  void duplicatesNameTheFirstValidLineAndIgnoreCase() throws IOException {
    String csv =
        "email,first_name\n"
            + "a@example.com,=cmd()\n" // line 2: invalid, so it must not claim the address
            + "a@example.com,Ada\n" // line 3: first valid occurrence
            + "b@example.com,Bo\n" // line 4
            + "A@EXAMPLE.COM,Ada\n" // line 5
            + " a@example.com ,Ada\n"; // line 6
    List<RowCheck> checks = check(csv);
    assertThat(failures(checks))
        .extracting(RowFailure::line, RowFailure::reason, RowFailure::detail)
        .containsExactly(
            tuple(2, RowProblem.FORMULA_CELL, "column 'first_name' starts like a formula"),
            tuple(5, RowProblem.DUPLICATE_EMAIL, "same email as line 3"),
            tuple(6, RowProblem.DUPLICATE_EMAIL, "same email as line 3"));
    assertThat(checks).filteredOn(RowCheck.Valid.class::isInstance).hasSize(2);
  }

  @Test
  void formulaCellsAreDetectedButNegativeNumbersAndIgnoredColumnsPass() {
    assertThat(RowValidator.formulaLike("=1+1")).isTrue();
    assertThat(RowValidator.formulaLike("+4930123")).isTrue();
    assertThat(RowValidator.formulaLike("-x")).isTrue();
    assertThat(RowValidator.formulaLike("@cmd")).isTrue();
    assertThat(RowValidator.formulaLike("  =1")).isTrue();
    assertThat(RowValidator.formulaLike("\tabc")).isTrue();
    assertThat(RowValidator.formulaLike("-42")).isFalse();
    assertThat(RowValidator.formulaLike("-3.14")).isFalse();
    assertThat(RowValidator.formulaLike("a=b")).isFalse();
    assertThat(RowValidator.formulaLike("")).isFalse();
  }

  @Test
  void formulaInAnIgnoredColumnDoesNotRejectTheRow() throws IOException {
    List<RowCheck> checks = check("email,notes,attr.balance\na@example.com,=cmd(),-12.5\n");
    assertThat(checks.get(0)).isInstanceOf(RowCheck.Valid.class);
  }

  @Test
  void oversizedRowIsReportedWithItsLine() throws IOException {
    String csv = "email,n\na@example.com,ok\nb@example.com," + "y".repeat(9000) + "\n";
    List<RowFailure> failures = failures(check(csv));
    assertThat(failures).extracting(RowFailure::line).containsExactly(3L);
    assertThat(failures.get(0).reason()).isEqualTo(RowProblem.OVERSIZED_ROW);
    assertThat(failures.get(0).detail()).endsWith("limit is 8192");
  }

  static Tuple tuple(Object... values) {
    Object[] widened = values.clone();
    for (int i = 0; i < widened.length; i++) {
      if (widened[i] instanceof Integer n) {
        widened[i] = n.longValue();
      }
    }
    return new Tuple(widened);
  }

  private static List<RowCheck> check(String csv) throws IOException {
    List<CsvRecord> records = CsvRowReaderTest.readAll(csv);
    ColumnMapping mapping = ColumnMapping.of(headerOf(csv), Map.of(), false);
    RowValidator validator = RowValidator.forPlanning(mapping, 8192);
    List<RowCheck> checks = new ArrayList<>();
    records.forEach(r -> checks.add(validator.check(r)));
    return checks;
  }

  private static List<String> headerOf(String csv) {
    return List.of(csv.substring(0, csv.indexOf('\n')).split(",", -1));
  }

  private static List<RowFailure> failures(List<RowCheck> checks) {
    return checks.stream()
        .filter(RowCheck.Invalid.class::isInstance)
        .map(c -> ((RowCheck.Invalid) c).failure())
        .toList();
  }
}
