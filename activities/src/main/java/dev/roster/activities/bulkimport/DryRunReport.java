package dev.roster.activities.bulkimport;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import would do, counted over the whole source without changing anything: what {@code
 * roster import --dry-run} prints and the approval request shows. Safe for logs: emails masked.
 *
 * @param source the source, as {@link ImportSource#describe()} shows it
 * @param rowsRead data rows in the file (header and blank lines excluded)
 * @param valid rows that would be imported
 * @param invalid rows that would not
 * @param invalidByReason invalid rows per reason, in {@link RowProblem} order, only reasons seen
 * @param withTeamRole valid rows that also ask for team access (these need approval)
 * @param unknownColumns header columns that are ignored
 * @param firstProblems the first problems in file order, at most the configured number
 * @param failureReport the path of the CSV listing every invalid row with its reason
 */
public record DryRunReport(
    String source,
    long rowsRead,
    long valid,
    long invalid,
    Map<RowProblem, Long> invalidByReason,
    long withTeamRole,
    List<String> unknownColumns,
    List<ProblemSample> firstProblems,
    String failureReport) {

  public DryRunReport {
    invalidByReason = ordered(invalidByReason);
    unknownColumns = List.copyOf(unknownColumns);
    firstProblems = List.copyOf(firstProblems);
  }

  private static Map<RowProblem, Long> ordered(Map<RowProblem, Long> counts) {
    Map<RowProblem, Long> sorted = new EnumMap<>(RowProblem.class);
    sorted.putAll(counts);
    return new LinkedHashMap<>(sorted);
  }

  /** A few lines of plain text for the CLI and the approval request. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("source: ").append(source).append('\n');
    text.append("rows read: ").append(rowsRead);
    text.append(", valid: ").append(valid);
    text.append(", invalid: ").append(invalid);
    text.append(", with team role: ").append(withTeamRole).append('\n');
    invalidByReason.forEach(
        (reason, count) ->
            text.append("  ").append(reason).append(": ").append(count).append('\n'));
    if (!unknownColumns.isEmpty()) {
      text.append("ignored unknown columns: ").append(String.join(", ", unknownColumns));
      text.append('\n');
    }
    if (!firstProblems.isEmpty()) {
      text.append("first problems:\n");
      for (ProblemSample p : firstProblems) {
        text.append("  line ").append(p.line()).append(' ').append(p.reason());
        if (!p.maskedEmail().isEmpty()) {
          text.append(' ').append(p.maskedEmail());
        }
        text.append(": ").append(p.detail()).append('\n');
      }
    }
    text.append("failure report: ").append(failureReport).append('\n');
    return text.toString();
  }
}
