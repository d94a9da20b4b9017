package dev.roster.activities.bulkimport;

/** Opens an {@link ImportSource} for streaming. Implementations are thread-safe. */
public interface SourceOpener {

  /**
   * Opens the source positioned at {@code byteOffset} (0 for the start; a row boundary from a
   * {@link CsvPosition} when resuming). Idempotent: nothing is changed at the source.
   *
   * @throws ImportFailed with kind {@code SOURCE_NOT_FOUND}, {@code SOURCE_ACCESS_DENIED}, {@code
   *     SOURCE_TOO_LARGE}, {@code SOURCE_UNAVAILABLE} (retryable) or {@code INVALID_SOURCE}; a
   *     download that outgrows its limit while being read throws {@code SOURCE_TOO_LARGE} from the
   *     stream
   */
  OpenedSource open(ImportSource source, long byteOffset);
}
