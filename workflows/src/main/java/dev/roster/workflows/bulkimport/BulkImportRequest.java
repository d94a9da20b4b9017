package dev.roster.workflows.bulkimport;

import java.util.List;

/**
 * The input of BulkImport: a reference to the rows, never the rows (payloads are limited to 2 MB).
 *
 * @param source an absolute file path on the worker host (under its {@code imports.allowedRoots}),
 *     an {@code https} URL, or {@code servicenow:<table>/<sysId>/<attachmentSysId>}
 * @param targets the vendor accounts and their lists
 * @param settings how to run; null takes the defaults
 * @param requestedBy who asked (required); may never approve this import
 * @param ticket the ServiceNow ticket number (letters, digits, {@code _.-}, at most 64), or null
 * @param resume null when started; the state carried by continue-as-new
 */
public record BulkImportRequest(
    String source,
    List<ImportTarget> targets,
    ImportSettings settings,
    String requestedBy,
    String ticket,
    ImportCarry resume) {

  public ImportSettings settingsOrDefault() {
    return settings == null ? ImportSettings.defaults() : settings;
  }

  /** The lists of {@code account}'s target; none when it has none (or is not a target). */
  List<String> listsOf(String account) {
    return targets.stream()
        .filter(t -> t.account().equals(account))
        .findFirst()
        .map(ImportTarget::listsOrEmpty)
        .orElse(List.of());
  }

  BulkImportRequest resumeWith(ImportCarry carry) {
    return new BulkImportRequest(source, targets, settings, requestedBy, ticket, carry);
  }
}
