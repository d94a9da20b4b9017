package dev.roster.activities.bulkimport;

/**
 * Why a row is not imported. A row gets one reason: the first that applies, in this order, so the
 * counts per reason add up to the invalid rows.
 */
public enum RowProblem {
  /** A quoted field was never closed: the rest of the file became one row. */
  UNTERMINATED_QUOTE,
  /** The row is longer than the configured limit. */
  OVERSIZED_ROW,
  /** The row's bytes are not valid UTF-8. */
  INVALID_ENCODING,
  /** More or fewer cells than the header has columns. */
  RAGGED_ROW,
  /** The email cell is empty or not an address. */
  INVALID_EMAIL,
  /** An imported cell starts with {@code = + - @} (or tab/CR) and is not a plain number. */
  FORMULA_CELL,
  /** The role cell is not one of Roster's roles (viewer, editor, admin). */
  UNKNOWN_ROLE,
  /** The lists cell holds something that is not a list id (a positive whole number). */
  INVALID_LIST_ID,
  /** The email (case-insensitive) already appeared on an earlier valid row. */
  DUPLICATE_EMAIL
}
