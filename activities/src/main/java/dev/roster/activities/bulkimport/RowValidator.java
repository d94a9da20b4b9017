package dev.roster.activities.bulkimport;

import static java.util.Objects.requireNonNull;

import dev.roster.workflows.request.Emails;
import dev.roster.workflows.request.ListIds;
import dev.roster.workflows.request.Roles;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, row by row, what is imported and what is reported, in the order of {@link RowProblem}.
 *
 * <p>Duplicates are the one rule that depends on other rows. The planning pass sees every row and
 * finds them with {@link EmailFingerprints} (the first valid occurrence wins, later ones name its
 * line; invalid rows never claim an email, so nothing valid is dropped). Chunks read later, maybe
 * on another worker after a restart, get the planned duplicate row indexes instead, so a chunk
 * needs no state from earlier chunks. Not thread-safe: one per pass.
 */
public final class RowValidator {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+([.,]\\d+)?");

  private final ColumnMapping mapping;
  private final int maxRowBytes;
  private final EmailFingerprints seen;
  private final BitSet duplicateRows;

  private RowValidator(
      ColumnMapping mapping, int maxRowBytes, EmailFingerprints seen, BitSet duplicateRows) {
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.maxRowBytes = maxRowBytes;
    this.seen = seen;
    this.duplicateRows = requireNonNull(duplicateRows, "duplicateRows is null");
  }

  /** For the pass over the whole file: finds duplicates and records their row indexes. */
  public static RowValidator forPlanning(ColumnMapping mapping, int maxRowBytes) {
    return new RowValidator(mapping, maxRowBytes, new EmailFingerprints(), new BitSet());
  }

  /** For a planning pass resumed at a checkpoint: the emails and duplicates found before it. */
  static RowValidator resumePlanning(
      ColumnMapping mapping, int maxRowBytes, EmailFingerprints seen, BitSet duplicateRows) {
    return new RowValidator(mapping, maxRowBytes, seen, (BitSet) duplicateRows.clone());
  }

  /** The emails seen so far by a planning pass; null for chunks. */
  EmailFingerprints fingerprints() {
    return seen;
  }

  /** For chunks: duplicates are the row indexes the planning pass found. */
  public static RowValidator forChunks(
      ColumnMapping mapping, int maxRowBytes, BitSet duplicateRows) {
    return new RowValidator(mapping, maxRowBytes, null, (BitSet) duplicateRows.clone());
  }

  /** Row indexes found to be duplicates so far (planning), or given (chunks). */
  public BitSet duplicateRows() {
    return (BitSet) duplicateRows.clone();
  }

  /** Bytes held for duplicate detection: the fingerprint table, or the planned bitmap. */
  public long duplicateMemoryBytes() {
    return seen != null ? seen.memoryBytes() : duplicateRows.size() / 8;
  }

  /** Checks one row. */
  public RowCheck check(CsvRecord record) {
    List<String> cells = record.fields();
    int emailColumn = mapping.emailColumn();
    String email = emailColumn < cells.size() ? cells.get(emailColumn).trim() : null;
    String problem = null;
    RowProblem reason = null;
    if (record.unterminatedQuote()) {
      reason = RowProblem.UNTERMINATED_QUOTE;
      problem = "a quoted field starting on this line is never closed";
    } else if (record.oversized()) {
      reason = RowProblem.OVERSIZED_ROW;
      problem = "row is " + record.byteLength() + " bytes, limit is " + maxRowBytes;
    } else if (record.invalidUtf8()) {
      reason = RowProblem.INVALID_ENCODING;
      problem = "row is not valid UTF-8";
    } else if (cells.size() != mapping.header().size()) {
      reason = RowProblem.RAGGED_ROW;
      problem = cells.size() + " cells, the header has " + mapping.header().size() + " columns";
    } else if (!Emails.isValid(email)) {
      reason = RowProblem.INVALID_EMAIL;
      problem = email.isEmpty() ? "email is empty" : "email is not a valid address";
    } else if ((problem = formulaCell(cells)) != null) {
      reason = RowProblem.FORMULA_CELL;
    } else if (!validRole(cells)) {
      reason = RowProblem.UNKNOWN_ROLE;
      problem = "role must be " + Roles.described();
    } else if (!validLists(cells)) {
      reason = RowProblem.INVALID_LIST_ID;
      problem = "lists must be list ids (positive whole numbers) separated by |";
    } else if ((problem = duplicate(record, email)) != null) {
      reason = RowProblem.DUPLICATE_EMAIL;
    }
    if (reason != null) {
      return new RowCheck.Invalid(
          new RowFailure(record.lineNumber(), record.rowIndex(), reason, problem, email, cells));
    }
    return new RowCheck.Valid(row(record, email));
  }

  private String formulaCell(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (mapping.isMapped(i) && formulaLike(cells.get(i))) {
        return "column '" + mapping.header().get(i).trim() + "' starts like a formula";
      }
    }
    return null;
  }

  /**
   * Whether a spreadsheet could run the cell as a formula (OWASP CSV injection): it starts with
   * {@code = + - @}, or with tab or CR, and is not a plain negative number.
   */
  static boolean formulaLike(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char raw = cell.charAt(0);
    if (raw == '\t' || raw == '\r') {
      return true;
    }
    String value = cell.strip();
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@';
    return risky && !NEGATIVE_NUMBER.matcher(value).matches();
  }

  private boolean validRole(List<String> cells) {
    String role = cell(cells, mapping.roleColumn());
    return role == null || Roles.isRole(role);
  }

  private boolean validLists(List<String> cells) {
    return lists(cell(cells, mapping.listsColumn())).stream().allMatch(ListIds::isValid);
  }

  private String duplicate(CsvRecord record, String email) {
    if (seen == null) {
      return duplicateRows.get(Math.toIntExact(record.rowIndex()))
          ? "same email as an earlier row (see the import's failure report)"
          : null;
    }
    long first = seen.firstLineOrAdd(email, record.lineNumber());
    if (first < 0) {
      return null;
    }
    duplicateRows.set(Math.toIntExact(record.rowIndex()));
    return "same email as line " + first;
  }

  private ImportRow row(CsvRecord record, String email) {
    List<String> cells = record.fields();
    String role = cell(cells, mapping.roleColumn());
    Map<String, String> attributes = new LinkedHashMap<>();
    mapping
        .attributeColumns()
        .forEach(
            (column, name) -> {
              String value = cell(cells, column);
              if (value != null) {
                attributes.put(name, value);
              }
            });
    return new ImportRow(
        record.lineNumber(),
        email,
        cell(cells, mapping.firstNameColumn()),
        cell(cells, mapping.lastNameColumn()),
        lists(cell(cells, mapping.listsColumn())),
        role == null ? null : role.toLowerCase(Locale.ROOT),
        attributes);
  }

  private static List<String> lists(String cell) {
    if (cell == null) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : cell.split("\\|")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    return new ArrayList<>(ids);
  }

  /** The trimmed cell, or null when the column is absent or the cell blank. */
  private static String cell(List<String> cells, int column) {
    if (column < 0 || column >= cells.size()) {
      return null;
    }
    String value = cells.get(column).trim();
    return value.isEmpty() ? null : value;
  }
}
