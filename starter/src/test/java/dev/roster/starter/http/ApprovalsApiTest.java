package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.starter.ConfiguredAccounts;
import dev.roster.starter.OnboardStarter;
import dev.roster.starter.local.Demo;
import dev.roster.starter.local.LocalStack;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.workflows.approval.ApprovalStatus;
import dev.roster.workflows.onboard.Assignment;
import dev.roster.workflows.onboard.OnboardRequest;
import dev.roster.workflows.onboard.OnboardUserWorkflow;
import dev.roster.workflows.request.Person;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The approvals API over real HTTP on the HTTP service of a local stack (sandbox vendors, embedded
 * Temporal, the worker), with tokens of a real OpenID Connect provider (mock-oauth2-server,
 * discovery and JWKS over HTTP): a privileged onboarding by carol waits for an approval that dave
 * (by name) or group leads (by the token's groups) may give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ApprovalsApiTest {
  private static final String ISSUER_ID = "roster-test";
  private static final String AUDIENCE = "roster";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private MockOAuth2Server idp;
  private LocalStack stack;
  private String base;
  private OnboardStarter starter;

  @BeforeAll
  void startStackAndRequest() throws Exception {
    idp = new MockOAuth2Server();
    idp.start();
    RosterConfig config = config(idp.issuerUrl(ISSUER_ID).toString());
    stack =
        LocalStack.start(
            config,
            Map.of(),
            new LocalStack.Options(freePort(), 0, null),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    base = "http://127.0.0.1:" + stack.httpPort();
    starter =
        new OnboardStarter(
            stack.connection().client(), stack.subjects().hasher(), ConfiguredAccounts.of(config));
  }

  /** Starts carol's privileged onboarding for ticket {@code ticket}; back once it is listed. */
  private String waitingRequest(String ticket) throws Exception {
    String started =
        starter
            .start(
                new OnboardRequest(
                    new Person("ada.lovelace@example.com", "Ada", "Lovelace"),
                    List.of(new Assignment("brevo-demo", "admin", List.of(), null)),
                    ticket,
                    "carol"))
            .workflowId();
    Instant deadline = Instant.now().plusSeconds(60);
    while (!listedIds(token("dave", List.of())).contains(started)) {
      assertThat(Instant.now()).as("the approval listed for dave").isBefore(deadline);
      Thread.sleep(100);
    }
    return started;
  }

  @AfterAll
  void stop() {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      idp.shutdown();
    }
  }

  @Test
  void missingExpiredWrongAudienceAndWronglySignedTokensGet401() throws Exception {
    String id = waitingRequest("RITM0041001");
    HttpResponse<String> missing = send("GET", ApprovalsApi.LIST, null, null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"roster\"");

    String expired =
        idp.issueToken(ISSUER_ID, "dave", AUDIENCE, Map.of("preferred_username", "dave"), -600)
            .serialize();
    String otherAudience =
        idp.issueToken(ISSUER_ID, "dave", "another-app", Map.of("preferred_username", "dave"), 3600)
            .serialize();
    String otherKey = signedWithAnotherKey(token("dave", List.of()));
    for (String bad : List.of(expired, otherAudience, otherKey, "not-a-jwt")) {
      for (HttpResponse<String> r :
          List.of(
              send("GET", ApprovalsApi.LIST, bad, null),
              send("POST", ApprovalsApi.REQUESTS + id + "/approve", bad, "{}"))) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer ").contains("error=\"invalid_token\""));
        assertThat(r.body()).doesNotContain(bad);
      }
    }
    assertThat(approval(id).state()).isEqualTo("waiting");
  }

  @Test
  void outsiderSeesNothingAndGets403RequesterGets409AllowedApproverApproves() throws Exception {
    String id = waitingRequest("RITM0041002");
    // sub only: the username falls back to it.
    String mallory = idp.issueToken(ISSUER_ID, "mallory", AUDIENCE, Map.of(), 3600).serialize();
    assertThat(listedIds(mallory)).doesNotContain(id);
    HttpResponse<String> forbidden =
        send("POST", ApprovalsApi.REQUESTS + id + "/approve", mallory, "{\"comment\":\"me\"}");
    assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
    assertThat(forbidden.body()).contains("mallory may not approve privileged");
    assertThat(approval(id).state()).isEqualTo("waiting");
    assertThat(approval(id).refused()).isEmpty();

    // In group leads by her token: serve lets her through, the workflow refuses the requester.
    String carol = token("carol", List.of("leads"));
    assertThat(listedIds(carol)).as("not listed for its requester").doesNotContain(id);
    assertThat(listedIds(token("erin", List.of()))).as("leads by configuration").contains(id);
    HttpResponse<String> own = send("POST", ApprovalsApi.REQUESTS + id + "/approve", carol, null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
    assertThat(own.body()).contains("the requester cannot decide their own request");
    assertThat(approval(id).state()).isEqualTo("waiting");

    HttpResponse<String> listed = send("GET", ApprovalsApi.LIST, token("dave", List.of()), null);
    JsonNode item = item(JSON.readTree(listed.body()), id);
    assertThat(item.get("about").asText()).contains("a***@example.com");
    assertThat(item.get("grants").asText()).contains("admin");
    assertThat(item.get("requestedBy").asText()).isEqualTo("carol");
    assertThat(item.get("mayDecide").asText()).contains("dave").contains("group leads");
    assertThat(listed.body()).doesNotContain("ada.lovelace@");

    HttpResponse<String> approved =
        send(
            "POST",
            ApprovalsApi.REQUESTS + id + "/approve",
            token("dave", List.of()),
            "{\"comment\":\"admin confirmed\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("result").asText()).isEqualTo("approved");
    ApprovalStatus after = approval(id);
    assertThat(after.state()).isEqualTo("approved");
    assertThat(after.decision().by()).isEqualTo("dave");
    assertThat(after.decision().source()).isEqualTo(ApprovalsApi.SOURCE);
    assertThat(after.decision().comment()).isEqualTo("admin confirmed");

    HttpResponse<String> again =
        send("POST", ApprovalsApi.REQUESTS + id + "/reject", token("dave", List.of()), null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.body()).contains("already decided by dave");
    HttpResponse<String> unknown =
        send(
            "POST", ApprovalsApi.REQUESTS + "onboard-nope/approve", token("dave", List.of()), null);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
  }

  @Test
  void theRequesterWithdrawsThroughTheApiAndAnOutsiderMayNot() throws Exception {
    String id = waitingRequest("RITM0041003");
    String mallory = token("mallory", List.of());
    HttpResponse<String> forbidden =
        send("POST", ApprovalsApi.REQUESTS + id + "/cancel", mallory, null);
    assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
    assertThat(approval(id).state()).isEqualTo("waiting");

    HttpResponse<String> withdrawn =
        send("POST", ApprovalsApi.REQUESTS + id + "/cancel", token("carol", List.of()), null);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(JSON.readTree(withdrawn.body()).get("result").asText()).isEqualTo("withdrawn");
    Instant deadline = Instant.now().plusSeconds(30);
    while (!"withdrawn".equals(approval(id).state())) {
      assertThat(Instant.now()).as("the approval withdrawn").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void badMethodsPathsBodiesAndAlgorithmsAreNamed() throws Exception {
    String dave = token("dave", List.of());
    HttpResponse<String> badBody =
        send("POST", ApprovalsApi.REQUESTS + "onboard-x/approve", dave, "[\"yes\"]");
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(badBody.body()).contains("body: expected {\\\"comment\\\": \\\"text\\\"}");
    HttpResponse<String> get = send("GET", ApprovalsApi.REQUESTS + "onboard-x/approve", dave, null);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> verb = send("POST", ApprovalsApi.REQUESTS + "onboard-x/bless", dave, null);
    assertThat(verb.statusCode()).isEqualTo(404);
    assertThat(verb.body()).contains("approve|reject|cancel");

    // The provider's claims, but HMAC-signed with a key anyone could pick: RS256/ES256 only.
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
            SignedJWT.parse(dave).getJWTClaimsSet());
    hmac.sign(new MACSigner(new byte[32]));
    HttpResponse<String> r = send("GET", ApprovalsApi.LIST, hmac.serialize(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
  }

  private static JsonNode item(JsonNode listing, String id) {
    for (JsonNode item : listing.get("approvals")) {
      if (item.get("workflowId").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("not listed: " + listing);
  }

  private ApprovalStatus approval(String id) {
    return stack
        .connection()
        .client()
        .newWorkflowStub(OnboardUserWorkflow.class, id)
        .status()
        .approval();
  }

  private String token(String username, List<String> groups) {
    return idp.issueToken(
            ISSUER_ID,
            "sub-" + username,
            AUDIENCE,
            Map.of("preferred_username", username, "groups", groups),
            3600)
        .serialize();
  }

  /** The same header (key id too) and claims, signed by a key the provider does not have. */
  private static String signedWithAnotherKey(String token) throws Exception {
    SignedJWT real = SignedJWT.parse(token);
    RSAKey other = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
            real.getJWTClaimsSet());
    forged.sign(new RSASSASigner(other));
    return forged.serialize();
  }

  private List<String> listedIds(String token) throws Exception {
    HttpResponse<String> r = send("GET", ApprovalsApi.LIST, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(r.body()).get("approvals").forEach(i -> ids.add(i.get("workflowId").asText()));
    return ids;
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The demo's sandboxes with an approver policy and the test provider. */
  private static RosterConfig config(String issuer) throws Exception {
    String demo;
    try (InputStream in = Demo.class.getResourceAsStream("/dev/roster/starter/demo.yaml")) {
      demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String approvals =
        String.join(
            "\n",
            "approvals:",
            "  oidc: {issuer: '" + issuer + "', audience: " + AUDIENCE + "}",
            "  approvers:",
            "    admins: {kind: privileged, people: [dave], groups: [leads]}",
            "  groups:",
            "    leads: [erin]",
            "");
    return ConfigLoader.parse(
        demo.replace("approvals:\n", approvals), "approvals-api-test.yaml", Map.of());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
