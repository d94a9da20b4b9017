package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.roster.activities.http.Secret;
import dev.roster.starter.servicenow.WebhookRejection;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's remote codec protocol for the Web UI and the {@code temporal} CLI: {@code POST
 * /codec/encode} and {@code POST /codec/decode} with {@code {"payloads":[{"metadata":{...},
 * "data":"<base64>"}]}} in protobuf JSON (every bytes value base64), through the process's own
 * payload codec. Bearer tokens only (401); CORS, credentials included, only for the configured Web
 * UI origins (a preflight from another origin gets 403 and no CORS header); bodies above the limit
 * 413; a body that is not that JSON 400; a payload under a key id the ring lacks 400 naming the id.
 */
public final class CodecServer implements Route {
  /** The context path; the endpoint to give the Web UI and the CLI is this path on the service. */
  public static final String PATH = "/codec";

  private static final Logger log = LoggerFactory.getLogger(CodecServer.class);
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Namespace";

  private final PayloadCodec codec;
  private final String namespace;
  private final Set<String> origins;
  private final List<byte[]> tokenDigests;
  private final int maxBody;

  /**
   * @param codec the codec every client and worker of the process uses
   * @param namespace the Temporal namespace it serves ({@code X-Namespace} must match when sent)
   * @param origins the Web UI origins allowed to call it from a browser
   * @param tokens the bearer tokens it accepts
   * @param maxBody the largest body it reads, in bytes
   */
  public CodecServer(
      PayloadCodec codec, String namespace, Set<String> origins, List<Secret> tokens, int maxBody) {
    this.codec = requireNonNull(codec, "codec is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
    this.origins = Set.copyOf(origins);
    this.tokenDigests = tokens.stream().map(t -> digest(t.reveal())).toList();
    if (tokenDigests.isEmpty()) {
      throw new IllegalArgumentException("a codec server needs at least one token");
    }
    this.maxBody = maxBody;
  }

  @Override
  public int maxBody() {
    return maxBody;
  }

  @Override
  public void handle(Exchange exchange) {
    String path = exchange.rawPath();
    boolean encode = (PATH + "/encode").equals(path);
    if (!encode && !(PATH + "/decode").equals(path)) {
      refuse(exchange, 404, "no such endpoint: use " + PATH + "/encode or " + PATH + "/decode");
      return;
    }
    String origin = exchange.header("Origin");
    boolean allowedOrigin = origin != null && origins.contains(origin);
    if (allowedOrigin) {
      exchange.setHeader("Access-Control-Allow-Origin", origin);
      exchange.setHeader("Access-Control-Allow-Credentials", "true");
      exchange.setHeader("Vary", "Origin");
    }
    if ("OPTIONS".equals(exchange.method())) {
      preflight(exchange, allowedOrigin);
      return;
    }
    if (!"POST".equals(exchange.method())) {
      exchange.setHeader("Allow", "POST, OPTIONS");
      refuse(exchange, 405, "use POST");
      return;
    }
    if (!authorized(exchange.header("Authorization"))) {
      exchange.setHeader("WWW-Authenticate", "Bearer");
      refuse(exchange, 401, "Authorization: a valid bearer token is required");
      return;
    }
    String asked = exchange.header("X-Namespace");
    if (asked != null && !asked.equals(namespace)) {
      refuse(exchange, 400, "X-Namespace: this codec server serves namespace " + namespace);
      return;
    }
    try {
      Payloads payloads = parse(exchange.body());
      List<Payload> done =
          encode
              ? codec.encode(payloads.getPayloadsList())
              : codec.decode(payloads.getPayloadsList());
      byte[] body =
          JsonFormat.printer()
              .print(Payloads.newBuilder().addAllPayloads(done).build())
              .getBytes(StandardCharsets.UTF_8);
      JsonReplies.reply(exchange, 200, body);
    } catch (WebhookRejection e) {
      refuse(exchange, e.httpStatus(), String.join("; ", e.errors()));
    } catch (InvalidProtocolBufferException | NumberFormatException e) {
      refuse(
          exchange,
          400,
          "body: expected {\"payloads\":[{\"metadata\":{\"encoding\":\"<base64>\"},"
              + "\"data\":\"<base64>\"}]} in protobuf JSON");
    } catch (PayloadCodecException e) {
      refuse(exchange, 400, e.getMessage());
    }
  }

  private static Payloads parse(byte[] body) throws InvalidProtocolBufferException {
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), payloads);
    return payloads.build();
  }

  private static void preflight(Exchange exchange, boolean allowedOrigin) {
    if (!allowedOrigin) {
      refuse(exchange, 403, "Origin: not a configured Web UI origin (http.codec.origins)");
      return;
    }
    exchange.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
    exchange.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    exchange.setHeader("Access-Control-Max-Age", "600");
    exchange.sendEmpty(204);
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = digest(header.substring(7).strip());
    boolean match = false;
    for (byte[] token : tokenDigests) {
      match |= MessageDigest.isEqual(token, presented); // no early exit: constant work
    }
    return match;
  }

  private static void refuse(Exchange exchange, int status, String error) {
    log.warn("codec request refused status={} reason={}", status, error);
    JsonReplies.errors(exchange, status, List.of(error));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
