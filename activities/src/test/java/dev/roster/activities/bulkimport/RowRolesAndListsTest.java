package dev.roster.activities.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import rows use Roster's one definition of roles and list ids, and echo neither cell. */
class RowRolesAndListsTest {
  private static final String HEADER = "email,lists,role\n";

  @Test
  void aRoleOutsideRostersAndAListIdThatIsNotOneAreRowProblems() throws IOException {
    List<RowCheck> checks =
        check(
            HEADER
                + "a@example.com,2|7,Editor\n" // line 2: fine
                + "b@example.com,2,superuser\n" // line 3
                + "c@example.com,2|news,viewer\n" // line 4
                + "d@example.com,-3,\n"); // line 5

    assertThat(checks.get(0)).isInstanceOf(RowCheck.Valid.class);
    List<RowFailure> failures =
        checks.stream()
            .filter(RowCheck.Invalid.class::isInstance)
            .map(c -> ((RowCheck.Invalid) c).failure())
            .toList();
    assertThat(failures)
        .extracting(RowFailure::line, RowFailure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, RowProblem.UNKNOWN_ROLE),
            org.assertj.core.groups.Tuple.tuple(4L, RowProblem.INVALID_LIST_ID),
            org.assertj.core.groups.Tuple.tuple(5L, RowProblem.INVALID_LIST_ID));
    assertThat(failures.get(0).detail()).isEqualTo("role must be viewer, editor or admin");
    assertThat(failures)
        .allSatisfy(f -> assertThat(f.detail()).doesNotContain("superuser").doesNotContain("news"));
  }

  private static List<RowCheck> check(String csv) throws IOException {
    List<CsvRecord> records = CsvRowReaderTest.readAll(csv);
    ColumnMapping mapping =
        ColumnMapping.of(
            List.of(csv.substring(0, csv.indexOf('\n')).split(",", -1)), Map.of(), false);
    RowValidator validator = RowValidator.forPlanning(mapping, 8192);
    List<RowCheck> checks = new ArrayList<>();
    records.forEach(r -> checks.add(validator.check(r)));
    return checks;
  }
}
