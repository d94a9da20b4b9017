package dev.roster.starter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starter's HTTP service: {@code GET /healthz} (kept for earlier probes; {@code /readyz} is its
 * successor) and the routes contributed to the {@code MapBinder} (health and metrics by {@link
 * OpsRoutes}, the ServiceNow webhook in webhook mode, the codec server when {@code http.codec} is
 * configured). The worker's ops port is one too, with the ops routes only.
 */
public final class HttpService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpService.class);

  /**
   * How long a request to the service waits for Temporal before it answers 503: under the 10 s a
   * ServiceNow business rule waits for an answer.
   */
  public static final Duration TEMPORAL_PATIENCE = Duration.ofSeconds(5);

  private final HttpServer server;

  private final List<String> paths;

  private HttpService(HttpServer server, List<String> paths) {
    this.server = server;
    this.paths = paths;
  }

  /**
   * Binds and starts with {@code /healthz} and {@code routes} (context path to handler; the JDK
   * server routes by prefix, so each handler checks its exact paths). Port 0 picks a free port.
   *
   * @throws IllegalStateException naming the address when it is taken
   */
  public static HttpService start(
      String bind, int port, WorkflowClient client, Map<String, HttpHandler> routes) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    } catch (BindException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + bind
              + ":"
              + port
              + " (in use?): set http.port in the configuration or ROSTER_HTTP_PORT");
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + e, e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4, daemon()));
    server.createContext("/healthz", exchange -> health(exchange, client));
    routes.forEach(server::createContext);
    server.createContext(
        "/", exchange -> JsonReplies.reply(exchange, 404, "{\"errors\":[\"no such endpoint\"]}"));
    server.start();
    log.info("http service started address={}:{}", bind, server.getAddress().getPort());
    return new HttpService(server, routes.keySet().stream().sorted().toList());
  }

  private static void health(HttpExchange exchange, WorkflowClient client) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      JsonReplies.reply(exchange, 405, "{\"errors\":[\"use GET\"]}");
      return;
    }
    boolean temporal = OpsRoutes.serving(client);
    JsonReplies.reply(
        exchange,
        temporal ? 200 : 503,
        "{\"status\":\"" + (temporal ? "ok" : "degraded") + "\",\"temporal\":" + temporal + "}");
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "roster-http");
      t.setDaemon(true);
      return t;
    };
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://bind:port (/livez, /metrics, ...)}: where it listens and what it serves. */
  public String describe(String bind) {
    return "http://" + bind + ":" + port() + " (" + String.join(", ", paths) + ")";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
