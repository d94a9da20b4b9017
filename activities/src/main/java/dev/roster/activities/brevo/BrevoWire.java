package dev.roster.activities.brevo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Brevo v3 wire shapes, one record per request or response body (swagger.yaml). Kept apart from the
 * records {@link BrevoClient} returns so a vendor quirk stays in this file.
 */
final class BrevoWire {

  /** {@code {"code","message"}}, sometimes with {@code metadata}. */
  record ErrorBody(String code, String message) {}

  /** GET /organization/invited/users. */
  record InvitedUsers(List<InvitedUser> users) {}

  /**
   * One user or invitee. vendors.md §4 ⚠: the swagger schema types {@code is_owner} as a string,
   * its example as a boolean; Jackson coerces both {@code "true"} and {@code true} to Boolean.
   */
  record InvitedUser(
      String email,
      @JsonProperty("is_owner") Boolean isOwner,
      String status,
      @JsonProperty("feature_access") Map<String, String> featureAccess) {}

  /** POST /organization/user/invitation/send. */
  record SendInvitation(
      String email,
      @JsonProperty("all_features_access") boolean allFeaturesAccess,
      List<Privilege> privileges) {}

  /** GET /organization/user/{email}/permissions. */
  record UserPermissions(String email, String status, List<Privilege> privileges) {}

  /** One feature and the permissions granted on it. */
  record Privilege(String feature, List<String> permissions) {}

  /** POST /contacts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CreateContact(
      String email, Map<String, Object> attributes, List<Long> listIds, Boolean updateEnabled) {}

  /** 201 from POST /contacts. */
  record CreatedContact(Long id) {}

  /** GET /contacts/{identifier}. */
  record Contact(
      String email,
      Long id,
      Map<String, Object> attributes,
      List<Long> listIds,
      List<Long> listUnsubscribed,
      Boolean emailBlacklisted) {}

  /** PUT /contacts/{identifier}; absent fields are left alone. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UpdateContact(
      Map<String, Object> attributes,
      List<Long> listIds,
      List<Long> unlinkListIds,
      Boolean emailBlacklisted) {}

  /** POST /contacts/lists/{listId}/contacts/add. */
  record AddEmails(List<String> emails) {}

  /** 201 from POST /contacts/lists/{listId}/contacts/add. */
  record ListUpdate(ListUpdateContacts contacts) {}

  /** Which addresses the list operation took and which it refused. */
  record ListUpdateContacts(List<String> success, List<String> failure, Long total) {}

  /** POST /contacts/import with a JSON body. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImportContacts(
      List<JsonContact> jsonBody,
      List<Long> listIds,
      boolean updateExistingContacts,
      boolean emptyContactsAttributes,
      boolean disableNotification) {}

  /** One contact of {@code jsonBody}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record JsonContact(String email, Map<String, Object> attributes) {}

  /** 202 from POST /contacts/import. */
  record ProcessId(Long processId) {}

  /** GET /processes/{id}; {@code info} is from the v4 SDK only. */
  record Process(
      Long id,
      String name,
      String status,
      @JsonProperty("export_url") String exportUrl,
      ProcessInfo info) {

    static BrevoTypes.ImportProcess toImportProcess(long id, Process p) {
      JsonNode invalid =
          p.info() == null || p.info().importInfo() == null
              ? null
              : p.info().importInfo().invalidEmails();
      // A count in the v4 SDK; a list is read as its size, to be lenient.
      int count = invalid == null ? 0 : invalid.isArray() ? invalid.size() : invalid.asInt(0);
      return new BrevoTypes.ImportProcess(id, p.status(), count, p.exportUrl());
    }
  }

  /** {@code info} of a process. */
  record ProcessInfo(@JsonProperty("import") ImportInfo importInfo) {}

  /** {@code info.import}: counts of what the import skipped. */
  record ImportInfo(@JsonProperty("invalid_emails") JsonNode invalidEmails) {}

  private BrevoWire() {}
}
