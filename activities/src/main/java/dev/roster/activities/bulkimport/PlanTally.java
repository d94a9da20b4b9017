package dev.roster.activities.bulkimport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A planning pass's counts; keeps only the first problems. Not thread-safe. */
final class PlanTally {
  private final int maxProblems;
  private final Map<RowProblem, Long> byReason = new EnumMap<>(RowProblem.class);
  private final List<ProblemSample> firstProblems = new ArrayList<>();
  private long rows;
  private long valid;
  private long withRole;

  PlanTally(int maxProblems) {
    this.maxProblems = maxProblems;
  }

  /** The counts a checkpoint recorded. */
  static PlanTally restore(PlanningCheckpoint c, int maxProblems) {
    PlanTally tally = new PlanTally(maxProblems);
    tally.rows = c.rows();
    tally.valid = c.valid();
    tally.withRole = c.withTeamRole();
    tally.byReason.putAll(c.invalidByReason());
    tally.firstProblems.addAll(c.firstProblems());
    return tally;
  }

  void add(RowCheck check) {
    rows++;
    if (check instanceof RowCheck.Valid ok) {
      valid++;
      if (ok.row().role() != null) {
        withRole++;
      }
    } else if (check instanceof RowCheck.Invalid bad) {
      byReason.merge(bad.failure().reason(), 1L, Long::sum);
      if (firstProblems.size() < maxProblems) {
        firstProblems.add(ProblemSample.of(bad.failure()));
      }
    }
  }

  long rows() {
    return rows;
  }

  long valid() {
    return valid;
  }

  long withRole() {
    return withRole;
  }

  Map<RowProblem, Long> byReason() {
    return new EnumMap<>(byReason);
  }

  List<ProblemSample> firstProblems() {
    return List.copyOf(firstProblems);
  }

  DryRunReport report(ImportSource source, ColumnMapping mapping, Path reportPath) {
    return new DryRunReport(
        source.describe(),
        rows,
        valid,
        rows - valid,
        byReason,
        withRole,
        mapping.unknownColumns(),
        firstProblems,
        reportPath.toString());
  }
}
