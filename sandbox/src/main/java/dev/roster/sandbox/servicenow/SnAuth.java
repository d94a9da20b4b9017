package dev.roster.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.sandbox.FakeRequest;
import dev.roster.sandbox.FakeResponse;
import dev.roster.sandbox.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Basic auth for the integration user and the OAuth client-credentials grant ({@code POST
 * /oauth_token.do}); tokens act as the integration user, as an "OAuth Application User" would.
 */
final class SnAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String user;
  private final String password;
  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final Supplier<Instant> clock;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();

  SnAuth(
      String user,
      String password,
      String clientId,
      String clientSecret,
      Duration tokenTtl,
      Supplier<Instant> clock) {
    this.user = user;
    this.password = password;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.tokenTtl = tokenTtl;
    this.clock = clock;
  }

  /** The acting user name, or empty when the request carries no valid credential. */
  Optional<String> authenticate(FakeRequest request) {
    String header = request.header("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String expected = user + ":" + password;
      return same(decodeBasic(header), expected) ? Optional.of(user) : Optional.empty();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Instant expires = tokens.get(header.substring(7).trim());
      return expires != null && clock.get().isBefore(expires)
          ? Optional.of(user)
          : Optional.empty();
    }
    return Optional.empty();
  }

  /** The 401 an instance sends for missing or wrong credentials. */
  static FakeResponse unauthorized() {
    return SnHttp.error(401, "User Not Authenticated", "Required to provide Auth information")
        .withHeaders(Map.of("WWW-Authenticate", "BASIC realm=\"Service-now\""));
  }

  /** POST /oauth_token.do, form-encoded; client credentials in the form or in Basic auth. */
  FakeResponse token(FakeRequest request) {
    Map<String, String> form = SnHttp.params(new String(request.body(), StandardCharsets.UTF_8));
    String id = form.getOrDefault("client_id", "");
    String secret = form.getOrDefault("client_secret", "");
    String basic = request.header("Authorization");
    if (id.isEmpty() && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = decodeBasic(basic);
      int colon = decoded.indexOf(':');
      id = colon < 0 ? decoded : decoded.substring(0, colon);
      secret = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError(400, "unsupported_grant_type");
    }
    if (!same(id, clientId) || !same(secret, clientSecret)) {
      return oauthError(401, "access_denied");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    tokens.put(token, clock.get().plus(tokenTtl));
    issued.incrementAndGet();
    ObjectNode body = Json.object();
    body.put("access_token", token);
    body.put("scope", "useraccount");
    body.put("token_type", "Bearer");
    body.put("expires_in", tokenTtl.toSeconds());
    return FakeResponse.json(200, body);
  }

  /** Revokes every token, as if the instance restarted its OAuth state. */
  void revokeTokens() {
    tokens.clear();
  }

  int tokensIssued() {
    return issued.get();
  }

  private static FakeResponse oauthError(int status, String description) {
    return FakeResponse.json(
        status, Map.of("error_description", description, "error", "server_error"));
  }

  private static String decodeBasic(String header) {
    try {
      return new String(
          Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
