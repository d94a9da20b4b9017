package dev.roster.sandbox.listmonk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sandbox.listmonk.ListmonkTestHttp.Reply;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /api/users and /api/roles: state, validation and the one-Super-Admin rule. */
class FakeListmonkUsersTest {
  private final FakeListmonk listmonk = FakeListmonk.start();
  private final ListmonkTestHttp http = ListmonkTestHttp.as(listmonk);

  @AfterEach
  void stop() {
    listmonk.close();
  }

  private static Map<String, Object> user(String username, String email, long role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("email", email);
    body.put("name", "Ada Lovelace");
    body.put("type", "user");
    body.put("status", "enabled");
    body.put("password_login", false);
    body.put("user_role_id", role);
    return body;
  }

  @Test
  void seededUsersAreAnAdminAndTheApiUserListedUnpaged() throws Exception {
    Reply reply = http.get("/api/users");

    assertThat(reply.data().isArray()).isTrue();
    assertThat(reply.data()).hasSize(2);
    assertThat(reply.data().get(1).path("type").asText()).isEqualTo("api");
    assertThat(reply.data().get(1).has("password")).isFalse();
  }

  @Test
  void rolesArePreSeeded() throws Exception {
    Reply userRoles = http.get("/api/roles/users");
    Reply listRoles = http.get("/api/roles/lists");

    assertThat(userRoles.data())
        .extracting(r -> r.path("name").asText())
        .containsExactly("Super Admin", "Editor", "Viewer");
    assertThat(listRoles.data()).hasSize(1);
    assertThat(listRoles.data().get(0).path("lists").get(0).path("id").asLong()).isEqualTo(3);
  }

  @Test
  void createdUserIsStoredWithItsRole() throws Exception {
    Reply reply = http.post("/api/users", user("ada@example.com", "ada@example.com", 2));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.data().path("user_role").path("name").asText()).isEqualTo("Editor");
    assertThat(listmonk.user("ada@example.com"))
        .hasValueSatisfying(u -> assertThat(u.userRoleName()).isEqualTo("Editor"));
  }

  @Test
  void duplicateUsernameIs409() throws Exception {
    http.post("/api/users", user("ada", "ada@example.com", 2));

    Reply again = http.post("/api/users", user("ada", "other@example.com", 2));

    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void invalidUsernameAndUnknownRoleAre400() throws Exception {
    assertThat(http.post("/api/users", user("a+b", "ab@example.com", 2)).status()).isEqualTo(400);
    assertThat(http.post("/api/users", user("abc", "ab@example.com", 99)).status()).isEqualTo(400);
  }

  @Test
  void missingUserIs404() throws Exception {
    Reply reply = http.get("/api/users/99");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.message()).isEqualTo("User not found");
  }

  @Test
  void updateDisablesAndDeleteRemoves() throws Exception {
    long id = http.post("/api/users", user("ada", "ada@example.com", 3)).data().path("id").asLong();
    Map<String, Object> disabled = user("ada", "ada@example.com", 3);
    disabled.put("status", "disabled");

    assertThat(http.put("/api/users/" + id, disabled).status()).isEqualTo(200);
    assertThat(listmonk.user("ada").orElseThrow().isEnabled()).isFalse();
    assertThat(http.delete("/api/users/" + id).data().asBoolean()).isTrue();
    assertThat(listmonk.user("ada")).isEmpty();
  }

  @Test
  void changesThatLeaveNoActiveSuperAdminAre400() throws Exception {
    Set<String> permissions = new HashSet<>(FakeListmonk.Options.allPermissions());
    try (FakeListmonk limited =
        FakeListmonk.start(FakeListmonk.Options.builder().apiPermissions(permissions).build())) {
      ListmonkTestHttp api = ListmonkTestHttp.as(limited);
      Map<String, Object> demoted = user("admin", "admin@listmonk.example", 2);

      Reply update = api.put("/api/users/1", demoted);
      Reply delete = api.delete("/api/users/1");

      assertThat(update.status()).isEqualTo(400);
      assertThat(update.message()).contains("at least one active Super Admin");
      assertThat(delete.status()).isEqualTo(400);
      assertThat(limited.user("admin").orElseThrow().isEnabled()).isTrue();
    }
  }

  @Test
  void anotherSuperAdminMakesDeletingTheAdminPossible() throws Exception {
    // The default API user is itself a Super Admin, so the seeded admin is not the last one.
    assertThat(http.delete("/api/users/1").status()).isEqualTo(200);
  }
}
