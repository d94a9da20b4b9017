package dev.roster.starter;

import dev.roster.workflows.bulkimport.BulkImportRequest;
import dev.roster.workflows.bulkimport.BulkImportRequests;
import dev.roster.workflows.bulkimport.BulkImportWorkflow;
import dev.roster.workflows.bulkimport.ImportTarget;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Starts BulkImport the one way every entry point (CLI, benchmark) does. */
public final class ImportStarter {
  private static final String SERVICENOW = "servicenow:";

  private final WorkflowClient client;
  private final ConfiguredAccounts accounts;

  /**
   * @param accounts the configured accounts; a request naming another, or a list on an account
   *     without lists, is refused before start
   */
  public ImportStarter(WorkflowClient client, ConfiguredAccounts accounts) {
    this.client = client;
    this.accounts = accounts;
  }

  /** With account ids only (whether an account has lists is then left to the workflow). */
  public ImportStarter(WorkflowClient client, Collection<String> accountIds) {
    this(client, ConfiguredAccounts.idsOnly(accountIds));
  }

  /**
   * The source as the workflow takes it: an {@code https} URL or a {@code servicenow:} reference
   * unchanged, anything else a file path made absolute (the worker may run elsewhere).
   */
  public static String normalizeSource(String source) {
    String s = source.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://") || isServiceNow(lower)) {
      return s;
    }
    if (lower.startsWith("file:")) {
      return Path.of(URI.create(s)).toAbsolutePath().normalize().toString();
    }
    return Path.of(s).toAbsolutePath().normalize().toString();
  }

  /**
   * The source string of a ServiceNow attachment: {@code servicenow:<table>/<sysId>/<attachment>},
   * the record the attachment must belong to and the attachment's sys_id.
   */
  public static String serviceNowSource(String table, String sysId, String attachmentSysId) {
    return SERVICENOW + table + "/" + sysId + "/" + attachmentSysId;
  }

  /** True for a local file path (not a URL or ticket attachment). */
  public static boolean isFile(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    return !lower.startsWith("https://") && !lower.startsWith("http://") && !isServiceNow(lower);
  }

  private static boolean isServiceNow(String lower) {
    return lower.startsWith(SERVICENOW);
  }

  /** Every problem with the request; empty when it can start. */
  public List<String> problems(BulkImportRequest request) {
    if (request == null) {
      return List.of("request: missing");
    }
    List<String> problems = new ArrayList<>(BulkImportRequests.problems(request));
    if (request.source() != null
        && request.source().toLowerCase(Locale.ROOT).startsWith("http://")) {
      problems.add("source: only https URLs are read (got http://)");
    }
    if (request.targets() != null) {
      for (int i = 0; i < request.targets().size(); i++) {
        ImportTarget t = request.targets().get(i);
        if (t != null) { // a missing target or account is reported by BulkImportRequests
          problems.addAll(accounts.problems("targets[" + i + "]", t.account(), t.listsOrEmpty()));
        }
      }
    }
    if (request.settings() != null && request.settings().approvalAbove() < 0) {
      problems.add("settings.approvalAbove: must be 0 or more");
    }
    return problems;
  }

  /**
   * {@code import-<ticket>}, else {@code import-<hash of source and targets>}; a dry run is {@code
   * import-dry-run-<hash>} so it never stands in the way of the import itself. Never an email (a
   * URL's query string or a path only enter the hash).
   */
  public String workflowId(BulkImportRequest request) {
    boolean dryRun = request.settings() != null && request.settings().dryRun();
    if (dryRun) {
      return "import-dry-run-" + hash(request);
    }
    return request.ticket() != null && !request.ticket().isBlank()
        ? "import-" + request.ticket().trim()
        : "import-" + hash(request);
  }

  /** 12 hex digits of SHA-256 over the source, the targets with their lists, and the ticket. */
  static String hash(BulkImportRequest request) {
    StringBuilder key = new StringBuilder(request.source()).append('\n');
    for (ImportTarget t : request.targets()) {
      key.append(t.account()).append(':').append(String.join(",", t.listsOrEmpty())).append('\n');
    }
    if (request.ticket() != null) {
      key.append("ticket:").append(request.ticket());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the workflow, or attaches to the running one with the same id (a repeated command).
   *
   * @throws IllegalArgumentException listing every problem when the request is invalid
   */
  public String start(BulkImportRequest request) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    String id = workflowId(request);
    boolean dryRun = request.settings() != null && request.settings().dryRun();
    List<String> vendors = request.targets().stream().map(ImportTarget::account).toList();
    BulkImportWorkflow stub =
        client.newWorkflowStub(
            BulkImportWorkflow.class,
            RequestOptions.of(
                id,
                dryRun ? "import-dry-run" : "import",
                "import-" + hash(request),
                vendors,
                // A dry run may run again for the same ticket; the import itself only once.
                dryRun ? null : request.ticket(),
                (dryRun ? "Dry run: import " : "Import ")
                    + describe(request.source())
                    + " into "
                    + String.join(", ", vendors),
                details(request),
                // The id hashes the source and targets: a repeated command is the same import.
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING));
    try {
      WorkflowClient.start(stub::importContacts, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The same import is running, or the ticket's import already ran.
    }
    return id;
  }

  /** The source for logs and summaries: a URL without its query string or fragment. */
  public static String describe(String source) {
    if (source == null) {
      return "";
    }
    int cut = source.length();
    for (char c : new char[] {'?', '#'}) {
      int at = source.indexOf(c);
      if (at >= 0 && !isFile(source)) {
        cut = Math.min(cut, at);
      }
    }
    return source.substring(0, cut);
  }

  private static String details(BulkImportRequest request) {
    StringBuilder text = new StringBuilder();
    text.append("Source: ").append(describe(request.source())).append('\n');
    if (request.ticket() != null) {
      text.append("Ticket: ").append(request.ticket()).append('\n');
    }
    text.append("Requested by: ").append(request.requestedBy()).append('\n');
    for (ImportTarget t : request.targets()) {
      text.append("- ")
          .append(t.account())
          .append(": lists ")
          .append(t.listsOrEmpty().isEmpty() ? "none" : String.join(", ", t.listsOrEmpty()))
          .append('\n');
    }
    return text.toString();
  }
}
