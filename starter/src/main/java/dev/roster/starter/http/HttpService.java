package dev.roster.starter.http;

import dev.roster.worker.config.HttpConfig;
import io.temporal.client.WorkflowClient;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The starter's HTTP service, on Jetty: {@code GET /healthz} (kept for earlier probes; {@code
 * /readyz} is its successor) and the {@link Route}s contributed to the {@code MapBinder} (health
 * and metrics by {@link OpsRoutes}, the ServiceNow webhook in webhook mode, the codec server when
 * {@code http.codec} is configured). The worker's ops port is one too, with the ops routes only.
 * Bounded by {@code http.*}: threads, idle and body read timeouts, header and body sizes.
 */
public final class HttpService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpService.class);

  /**
   * How long a request to the service waits for Temporal before it answers 503: under the 10 s a
   * ServiceNow business rule waits for an answer.
   */
  public static final Duration TEMPORAL_PATIENCE = Duration.ofSeconds(5);

  /** How long a stop waits for requests in progress to be answered. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Server server;
  private final ServerConnector connector;
  private final List<String> paths;

  private HttpService(Server server, ServerConnector connector, List<String> paths) {
    this.server = server;
    this.connector = connector;
    this.paths = paths;
  }

  /** {@link #start(HttpConfig, int, WorkflowClient, Map)} with the default limits. */
  public static HttpService start(
      String bind, int port, WorkflowClient client, Map<String, ? extends Route> routes) {
    return start(new HttpConfig(bind, port), port, client, routes);
  }

  /**
   * Binds and starts with {@code /healthz} and {@code routes} (context path to route; a route gets
   * every raw path its context path starts with, the longest such context winning, so each checks
   * its exact paths). Port 0 picks a free port.
   *
   * @param http the bind address and the limits ({@code http.port} is not used: {@code port} is)
   * @throws IllegalStateException naming the address when it is taken
   */
  public static HttpService start(
      HttpConfig http, int port, WorkflowClient client, Map<String, ? extends Route> routes) {
    QueuedThreadPool threads =
        new QueuedThreadPool(http.maxThreads(), Math.min(4, http.maxThreads()));
    threads.setName("roster-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration settings = new HttpConfiguration();
    settings.setRequestHeaderSize(http.maxHeaderBytes());
    settings.setSendServerVersion(false);
    // Routes compare raw paths with their own exactly, so odd paths reach them and are refused
    // there (404 with a JSON reason) instead of by the server.
    settings.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector =
        new ServerConnector(server, 1, 1, new HttpConnectionFactory(settings));
    connector.setHost(http.bind());
    connector.setPort(port);
    connector.setIdleTimeout(http.idleTimeout().toMillis());
    server.addConnector(connector);
    Routing routing = new Routing(routes, http, threads);
    routing.add("/healthz", exchange -> health(exchange, client));
    server.setHandler(new GracefulHandler(routing));
    server.setErrorHandler(new JsonErrors());
    server.setStopTimeout(STOP_GRACE.toMillis());
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (causedBy(e, BindException.class)) {
        throw new IllegalStateException(
            "cannot listen on "
                + http.bind()
                + ":"
                + port
                + " (in use?): set http.port in the configuration or ROSTER_HTTP_PORT");
      }
      throw new IllegalStateException("cannot listen on " + http.bind() + ":" + port + ": " + e, e);
    }
    log.info("http service started address={}:{}", http.bind(), connector.getLocalPort());
    return new HttpService(server, connector, routes.keySet().stream().sorted().toList());
  }

  private static void health(Exchange exchange, WorkflowClient client) {
    if (!"GET".equals(exchange.method())) {
      JsonReplies.reply(exchange, 405, "{\"errors\":[\"use GET\"]}");
      return;
    }
    boolean temporal = OpsRoutes.serving(client);
    JsonReplies.reply(
        exchange,
        temporal ? 200 : 503,
        "{\"status\":\"" + (temporal ? "ok" : "degraded") + "\",\"temporal\":" + temporal + "}");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("http service did not stop cleanly: {}", e.toString());
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://bind:port (/livez, /metrics, ...)}: where it listens and what it serves. */
  public String describe(String bind) {
    return "http://" + bind + ":" + port() + " (" + String.join(", ", paths) + ")";
  }

  /** Stops accepting, lets requests in progress finish (up to {@link #STOP_GRACE}), then stops. */
  @Override
  public void close() {
    stopQuietly(server);
  }
}
