package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.worker.Assembly;
import dev.roster.worker.Environment;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.temporal.TemporalConnection;
import io.temporal.common.converter.DataConverter;
import java.util.Optional;

/**
 * The HTTP service ({@code serve}, and inside {@code dev}/{@code demo}): health and, in webhook
 * mode, the ServiceNow webhook, on a Temporal connection of its own that gives up sooner than the
 * worker's (its callers wait on each call). Needs the configuration, the Temporal settings and data
 * converter ({@code TemporalModule}) and the subject key.
 */
public final class HttpModule extends AbstractModule {
  private static final String CALLERS = "callers";

  private final int port;
  private final Optional<Secret> sandboxWebhookKey;

  /**
   * @param port where to listen (0 picks a free port)
   * @param sandboxWebhookKey the HMAC key of a sandbox ServiceNow (dev/demo), used when no secret
   *     is configured
   */
  public HttpModule(int port, Optional<Secret> sandboxWebhookKey) {
    this.port = port;
    this.sandboxWebhookKey = requireNonNull(sandboxWebhookKey, "sandboxWebhookKey is null");
  }

  /** The callers' connection the service uses, to close with it. */
  public static TemporalConnection callers(Injector injector) {
    return Assembly.instance(injector, Key.get(TemporalConnection.class, Names.named(CALLERS)));
  }

  @Provides
  @Singleton
  @Named(CALLERS)
  TemporalConnection callers(TemporalConfig temporal, Environment env, DataConverter converter) {
    return TemporalConnection.openForCallers(
        temporal, env.variables(), HttpService.TEMPORAL_PATIENCE, converter);
  }

  @Provides
  @Singleton
  HttpService http(
      RosterConfig config,
      Environment env,
      @Named(CALLERS) TemporalConnection callers,
      SubjectHasher subjects) {
    return HttpService.start(
        config.http().bind(),
        port,
        callers.client(),
        WebhookSetup.fromConfig(
            config, env.variables(), callers.client(), subjects, sandboxWebhookKey));
  }
}
