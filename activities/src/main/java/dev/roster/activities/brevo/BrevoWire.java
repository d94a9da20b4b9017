package dev.roster.activities.brevo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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

  private BrevoWire() {}
}
