package dev.roster.activities.bulkimport;

import java.nio.file.Path;

/**
 * Parses the source string of a BulkImport request: an absolute file path (or {@code file:} URI
 * path), an {@code http(s)} URL, or {@code servicenow:<table>/<sysId>/<attachmentSysId>}.
 */
final class SourceReference {

  static ImportSource parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, "no import source given");
    }
    String s = source.trim();
    if (s.startsWith("https://") || s.startsWith("http://")) {
      return ImportSource.https(s);
    }
    if (s.startsWith("servicenow:")) {
      String[] parts = s.substring("servicenow:".length()).split("/");
      if (parts.length != 3) {
        throw new ImportFailed(
            ImportFailed.Kind.INVALID_SOURCE,
            "a ServiceNow source is servicenow:<table>/<sysId>/<attachmentSysId>");
      }
      return ImportSource.servicenowAttachment(parts[0], parts[1], parts[2]);
    }
    String path = s.startsWith("file:") ? s.substring("file:".length()) : s;
    try {
      return ImportSource.file(Path.of(path));
    } catch (IllegalArgumentException e) {
      throw new ImportFailed(ImportFailed.Kind.INVALID_SOURCE, e.getMessage());
    }
  }

  private SourceReference() {}
}
