package dev.roster.activities.bulkimport;

/** The outcome of validating one row: a row to import or the reason it is not. */
public sealed interface RowCheck permits RowCheck.Valid, RowCheck.Invalid {

  /** A row to import. */
  record Valid(ImportRow row) implements RowCheck {}

  /** A row that is reported instead of imported. */
  record Invalid(RowFailure failure) implements RowCheck {}
}
