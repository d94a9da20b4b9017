package dev.roster.activities.listmonk;

import dev.roster.activities.listmonk.ListmonkTransport.Reply;
import dev.roster.activities.listmonk.ListmonkTypes.Role;
import dev.roster.activities.listmonk.ListmonkTypes.User;
import dev.roster.activities.listmonk.ListmonkWire.UserBody;
import dev.roster.activities.listmonk.ListmonkWire.UserRequest;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * listmonk's users and roles (vendors.md §3 "Users and roles"; not in the swagger). Shares the
 * {@link ListmonkClient}'s transport and budget; obtain it with {@link ListmonkClient#users()}.
 * Thread-safe; throws the {@code dev.roster.activities.http} exceptions.
 */
public final class ListmonkUsersApi {
  private final ListmonkTransport transport;

  ListmonkUsersApi(ListmonkTransport transport) {
    this.transport = transport;
  }

  /** Every user, people and API users. GET /api/users (not paged). */
  public List<User> listUsers() {
    Reply reply = transport.send("listUsers", new Request.Builder().url(url().build()).get());
    return reply.dataList(UserBody.class).stream().map(ListmonkUsersApi::user).toList();
  }

  /** Creates a user. POST /api/users. Conflict (409) when the username or email is taken. */
  public User createUser(
      String username, String email, String name, String status, long userRoleId) {
    var body =
        new UserRequest(username, email, name, "user", status, false, null, userRoleId, null);
    Request.Builder request =
        new Request.Builder().url(url().build()).post(ListmonkTransport.json(body));
    Reply reply = transport.send("createUser", request);
    UserBody created = reply.data(UserBody.class);
    // The user in the answer, with its id, is listmonk's word that it exists.
    if (created.id() == null || !username.equals(created.username())) {
      throw reply.unreadable("no user for the username");
    }
    return user(created);
  }

  /**
   * Sets a user's status (and role), resending its other fields: PUT is a full update, an empty
   * password keeps the old one. Rejected (400) when no active Super Admin would remain.
   */
  public User updateUser(User user, String status, long userRoleId) {
    var body =
        new UserRequest(
            user.username(),
            user.email(),
            user.name(),
            user.type(),
            status,
            user.passwordLogin(),
            "",
            userRoleId,
            user.listRoleId());
    HttpUrl.Builder url = url().addPathSegment(Long.toString(user.id()));
    Request.Builder request =
        new Request.Builder().url(url.build()).put(ListmonkTransport.json(body));
    return user(transport.send("updateUser", request).data(UserBody.class));
  }

  /** One user. GET /api/users/{id}; NotFound when it is gone. */
  public User getUser(long id) {
    HttpUrl.Builder url = url().addPathSegment(Long.toString(id));
    return user(
        transport
            .send("getUser", new Request.Builder().url(url.build()).get())
            .data(UserBody.class));
  }

  /** Deletes a user. DELETE /api/users/{id}. Rejected (400) for the last Super Admin. */
  public void deleteUser(long id) {
    HttpUrl.Builder url = url().addPathSegment(Long.toString(id));
    transport.send("deleteUser", new Request.Builder().url(url.build()).delete()).expectTrue();
  }

  /** The user roles. GET /api/roles/users. */
  public List<Role> listUserRoles() {
    HttpUrl url = transport.url("roles/users").build();
    Reply reply = transport.send("listUserRoles", new Request.Builder().url(url).get());
    return reply.dataList(ListmonkWire.RoleBody.class).stream()
        .map(r -> new Role(r.id(), r.name()))
        .toList();
  }

  private HttpUrl.Builder url() {
    return transport.url("users");
  }

  private static User user(UserBody u) {
    return new User(
        u.id() == null ? 0 : u.id(),
        u.username(),
        u.email(),
        u.name(),
        u.type(),
        u.status(),
        Boolean.TRUE.equals(u.passwordLogin()),
        u.userRoleId() == null ? 0 : u.userRoleId(),
        u.listRoleId());
  }
}
