package dev.roster.starter.http;

import dev.roster.starter.servicenow.WebhookRejection;
import dev.roster.worker.config.HttpConfig;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request to the {@link Route} whose context path is the longest prefix of its raw path
 * (a JSON 404 when none is), once {@link BodyReader} has its body, on a thread of the pool: no
 * thread waits for a slow sender, and a route that waits on Temporal holds only its own.
 */
final class Routing extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(Routing.class);
  private static final Route NOWHERE =
      exchange -> JsonReplies.reply(exchange, 404, "{\"errors\":[\"no such endpoint\"]}");

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final HttpConfig http;
  private final Executor threads;

  Routing(Map<String, ? extends Route> routes, HttpConfig http, Executor threads) {
    routes.forEach(this::add);
    this.http = http;
    this.threads = threads;
  }

  void add(String path, Route route) {
    if (routes.putIfAbsent(path, route) != null) {
      throw new IllegalArgumentException("two routes for " + path);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    Map.Entry<String, Route> route =
        routes.entrySet().stream()
            .filter(r -> path != null && path.startsWith(r.getKey()))
            .max(Comparator.comparingInt(r -> r.getKey().length()))
            .orElse(Map.entry("/", NOWHERE));
    int limit = route.getValue().maxBody() > 0 ? route.getValue().maxBody() : http.maxBodyBytes();
    BodyReader.read(request, limit, http.readTimeout(), getServer().getScheduler())
        .thenAcceptAsync(
            body ->
                run(
                    route.getKey(),
                    route.getValue(),
                    new Exchange(request, response, callback, body)),
            threads);
    return true;
  }

  /**
   * Runs the route; answers a body refusal it lets through, and 500 when it fails or forgets to
   * answer.
   */
  private static void run(String context, Route route, Exchange exchange) {
    try {
      route.handle(exchange);
      if (!exchange.answered()) {
        log.error("http route gave no answer route={}", context);
        internalError(exchange);
      }
    } catch (WebhookRejection e) {
      // A body the route did not take (Exchange.body(): 413, 408): its errors are safe to send.
      if (!exchange.answered()) {
        JsonReplies.errors(exchange, e.httpStatus(), e.errors());
      }
    } catch (Exception | LinkageError e) {
      log.error("http route failed route={}", context, e);
      if (!exchange.answered()) {
        internalError(exchange);
      }
    }
  }

  private static void internalError(Exchange exchange) {
    JsonReplies.reply(exchange, 500, "{\"errors\":[\"internal error\"]}");
  }
}
