package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.roster.activities.http.Secret;
import dev.roster.starter.servicenow.WebhookBodies;
import dev.roster.starter.servicenow.WebhookRejection;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
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
public final class CodecServer {
  /** The context path; the endpoint to give the Web UI and the CLI is this path on the service. */
  public static final String PATH = "/codec";

  private static final Logger log = LoggerFactory.getLogger(CodecServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
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

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    boolean encode = (PATH + "/encode").equals(path);
    if (!encode && !(PATH + "/decode").equals(path)) {
      refuse(exchange, 404, "no such endpoint: use " + PATH + "/encode or " + PATH + "/decode");
      return;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    boolean allowedOrigin = origin != null && origins.contains(origin);
    if (allowedOrigin) {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Access-Control-Allow-Origin", origin);
      headers.set("Access-Control-Allow-Credentials", "true");
      headers.set("Vary", "Origin");
    }
    if ("OPTIONS".equals(exchange.getRequestMethod())) {
      preflight(exchange, allowedOrigin);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
      refuse(exchange, 405, "use POST");
      return;
    }
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      refuse(exchange, 401, "Authorization: a valid bearer token is required");
      return;
    }
    String asked = exchange.getRequestHeaders().getFirst("X-Namespace");
    if (asked != null && !asked.equals(namespace)) {
      refuse(exchange, 400, "X-Namespace: this codec server serves namespace " + namespace);
      return;
    }
    try {
      Payloads payloads = parse(exchange);
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

  private Payloads parse(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    byte[] body =
        WebhookBodies.read(
            exchange.getRequestBody(), length == null ? -1 : Long.parseLong(length), maxBody);
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), payloads);
    return payloads.build();
  }

  private static void preflight(HttpExchange exchange, boolean allowedOrigin) throws IOException {
    if (!allowedOrigin) {
      refuse(exchange, 403, "Origin: not a configured Web UI origin (http.codec.origins)");
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
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

  private static void refuse(HttpExchange exchange, int status, String error) throws IOException {
    log.warn("codec request refused status={} reason={}", status, error);
    JsonReplies.reply(exchange, status, JSON.writeValueAsBytes(Map.of("errors", List.of(error))));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
