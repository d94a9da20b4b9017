package dev.roster.activities.mailersend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * MailerSend v1 wire shapes, one record per request or response body (vendors.md §2; the official
 * SDKs {@code mailersend/mailersend-java} and {@code mailersend/mailersend-python}). Kept apart
 * from the records {@link MailerSendClient} returns so a vendor quirk stays in this file.
 */
final class MailerSendWire {

  /** {@code {"message"}}, with Laravel's {@code errors} (field to messages) on a 422. */
  record ErrorBody(String message, Map<String, List<String>> errors) {}

  /** A Laravel page: {@code data}, {@code links}, {@code meta}. */
  record Page<T>(List<T> data, Links links, Meta meta) {}

  /** {@code next} is null on the last page. */
  record Links(String next) {}

  /** {@code last_page} is absent from some listings (recipients), so it is only a fallback. */
  record Meta(
      @JsonProperty("current_page") Integer currentPage,
      @JsonProperty("last_page") Integer lastPage) {}

  /** {@code {"data": T}}. */
  record Single<T>(T data) {}

  /** A user (GET /users, /users/{id}). */
  record User(String id, String email, String role, List<String> permissions) {}

  /** An invite (POST /users, GET /invites). */
  record Invite(String id, String email, String role, List<String> permissions) {}

  /** POST /users. */
  record InviteUser(String email, String role, List<String> permissions) {}

  /** PUT /users/{id}. */
  record UpdateUser(String role, List<String> permissions) {}

  /** A recipient (GET /recipients). */
  record Recipient(String id, String email) {}

  /** A blocklist entry: {@code type} is {@code exact} or {@code pattern}. */
  record BlocklistEntry(String id, String type, String pattern) {}

  /** POST /suppressions/blocklist; domain_id is optional for the blocklist only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AddToBlocklist(@JsonProperty("domain_id") String domainId, List<String> recipients) {}

  /** DELETE /suppressions/blocklist. */
  record DeleteFromBlocklist(List<String> ids) {}

  private MailerSendWire() {}
}
