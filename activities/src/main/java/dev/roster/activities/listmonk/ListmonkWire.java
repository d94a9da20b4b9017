package dev.roster.activities.listmonk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * listmonk wire shapes (vendors.md §3: cmd/users.go, cmd/subscribers.go, cmd/import.go), one record
 * per body. Responses arrive inside {@code {"data": …}}; {@link ListmonkClient} unwraps it.
 */
final class ListmonkWire {

  /** Echo's error body. */
  record ErrorBody(String message) {}

  /** A user as GET /api/users returns it (the password is blanked). */
  record UserBody(
      Long id,
      String username,
      String email,
      String name,
      String type,
      String status,
      @JsonProperty("password_login") Boolean passwordLogin,
      @JsonProperty("user_role_id") Long userRoleId,
      @JsonProperty("list_role_id") Long listRoleId) {}

  /** POST /api/users and PUT /api/users/{id}: same body; an empty password keeps the old one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserRequest(
      String username,
      String email,
      String name,
      String type,
      String status,
      @JsonProperty("password_login") boolean passwordLogin,
      String password,
      @JsonProperty("user_role_id") long userRoleId,
      @JsonProperty("list_role_id") Long listRoleId) {}

  /** GET /api/roles/users. */
  record RoleBody(Long id, String name, List<String> permissions) {}

  /** One subscription inside a subscriber: a full list object plus the subscription status. */
  record SubscriptionBody(
      Long id, String name, @JsonProperty("subscription_status") String subscriptionStatus) {}

  /** A subscriber (models.Subscriber). */
  record SubscriberBody(
      Long id,
      String uuid,
      String email,
      String name,
      Map<String, Object> attribs,
      String status,
      List<SubscriptionBody> lists) {}

  /** POST /api/subscribers and PUT /api/subscribers/{id} (a full replace). */
  record SubscriberRequest(
      String email,
      String name,
      String status,
      List<Long> lists,
      Map<String, Object> attribs,
      @JsonProperty("preconfirm_subscriptions") boolean preconfirmSubscriptions) {}

  /** The paged body of GET /api/subscribers. */
  record SubscriberPage(List<SubscriberBody> results, Integer total, Integer page) {}

  /** A mailing list. */
  record ListBody(Long id, String name, String type, String optin, String status) {}

  /** The paged body of GET /api/lists. */
  record ListPage(List<ListBody> results, Integer total) {}

  /** PUT /api/subscribers/lists; {@code status} only for {@code add}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListAction(
      List<Long> ids,
      String action,
      @JsonProperty("target_list_ids") List<Long> targetListIds,
      String status) {}

  /** The {@code params} part of POST /api/import/subscribers. */
  record ImportParamsBody(
      String mode,
      String delim,
      List<Long> lists,
      @JsonProperty("subscription_status") String subscriptionStatus,
      boolean overwrite,
      @JsonProperty("overwrite_userinfo") boolean overwriteUserinfo,
      @JsonProperty("overwrite_subscription_status") boolean overwriteSubscriptionStatus) {}

  /** The import session: {@code {name,total,imported,status}}. */
  record ImportBody(String name, Integer total, Integer imported, String status) {}

  private ListmonkWire() {}
}
