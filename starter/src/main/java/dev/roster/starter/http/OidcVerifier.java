package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.roster.worker.config.OidcConfig;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Verifies an OpenID Connect bearer token for the approvals API: an RS256 or ES256 signature by a
 * key of the issuer's JWKS (fetched once and cached, fetched again for a key id it does not know),
 * the issuer, the audience, and expiry with {@value #CLOCK_SKEW_SECONDS} s of clock skew. The
 * person is the configured username claim ({@code sub} without it), the groups the configured
 * groups claim. The JWKS address comes from the configuration or the issuer's discovery document,
 * read on the first token so that {@code serve} starts while the provider is away.
 */
public final class OidcVerifier {
  static final int CLOCK_SKEW_SECONDS = 60;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who a verified token says the caller is. */
  public record Identity(String username, List<String> groups) {}

  /** Why a token was not accepted, safe to send: never the token or its claims' values. */
  public static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason);
    }
  }

  private final OidcConfig config;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public OidcVerifier(OidcConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /**
   * The identity in {@code token}.
   *
   * @throws Rejected when the token is malformed, expired, for another audience or issuer, or not
   *     signed by the issuer's keys
   * @throws IOException when the provider's discovery document cannot be read
   */
  public Identity verify(String token) throws Rejected, IOException {
    JWTClaimsSet claims;
    try {
      claims = processor().process(token, null);
    } catch (ParseException e) {
      throw new Rejected("the token is not a signed JWT");
    } catch (BadJOSEException e) {
      throw new Rejected(e.getMessage());
    } catch (JOSEException e) {
      throw new Rejected("the token's signature cannot be checked");
    }
    String username = text(claims, config.usernameClaim());
    if (username == null) {
      username = claims.getSubject();
    }
    if (username == null || username.isBlank()) {
      throw new Rejected("the token names nobody (no " + config.usernameClaim() + " or sub)");
    }
    return new Identity(username.strip(), groups(claims));
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p == null) {
      synchronized (this) {
        if (processor == null) {
          // The discovery document only when no jwksUrl is configured (orElse would read it
          // every time, and fail on a provider that serves none).
          processor = build(config.jwksUrl().isPresent() ? config.jwksUrl().get() : discoverJwks());
        }
        p = processor;
      }
    }
    return p;
  }

  private DefaultJWTProcessor<SecurityContext> build(URI jwks) throws MalformedURLException {
    int millis = (int) TIMEOUT.toMillis();
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(jwks.toURL(), new DefaultResourceRetriever(millis, millis, 1 << 20))
            .cache(true)
            .build();
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            config.audience(),
            new JWTClaimsSet.Builder().issuer(config.issuer().toString()).build(),
            Set.of("exp"));
    claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    p.setJWTClaimsSetVerifier(claims);
    return p;
  }

  /** The {@code jwks_uri} of the issuer's discovery document, whose issuer must be ours. */
  private URI discoverJwks() throws IOException {
    String issuer = config.issuer().toString();
    URI discovery =
        URI.create(
            (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(
                  HttpRequest.newBuilder(discovery).timeout(TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(discovery + " answered " + response.statusCode());
      }
      JsonNode doc = JSON.readTree(response.body());
      if (!issuer.equals(doc.path("issuer").asText())) {
        throw new IOException(discovery + " names another issuer than approvals.oidc.issuer");
      }
      String jwks = doc.path("jwks_uri").asText("");
      if (jwks.isEmpty()) {
        throw new IOException(discovery + " has no jwks_uri");
      }
      return URI.create(jwks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + discovery, e);
    } catch (IllegalArgumentException e) {
      throw new IOException(discovery + " has a jwks_uri that is not a URL", e);
    }
  }

  private static String text(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private List<String> groups(JWTClaimsSet claims) {
    Object value = claims.getClaim(config.groupsClaim());
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
