package dev.roster.starter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import com.uber.m3.tally.Scope;
import dev.roster.activities.control.SubjectHasher;
import dev.roster.activities.http.Secret;
import dev.roster.worker.Assembly;
import dev.roster.worker.Environment;
import dev.roster.worker.config.CodecServerConfig;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.config.SecretRef;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.worker.temporal.TemporalConnection;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP service ({@code serve}, and inside {@code dev}/{@code demo}): health, and the routes
 * contributed to a {@link MapBinder} of context path to {@link Route}: the ServiceNow webhook in
 * webhook mode, the codec server when {@code http.codec} is configured, the approvals API when
 * {@code approvals.oidc} is. Its Temporal connection is its own and gives up sooner than the
 * worker's (its callers wait on each call). Needs the configuration, {@code TemporalModule}
 * (settings, data converter, payload codec) and the subject key.
 */
public final class HttpModule extends AbstractModule {
  private static final String CALLERS = "callers";

  private final RosterConfig config;
  private final int port;
  private final Optional<Secret> sandboxWebhookKey;

  /**
   * @param config decides which routes are served
   * @param port where to listen (0 picks a free port)
   * @param sandboxWebhookKey the HMAC key of a sandbox ServiceNow (dev/demo), used when no secret
   *     is configured
   */
  public HttpModule(RosterConfig config, int port, Optional<Secret> sandboxWebhookKey) {
    this.config = requireNonNull(config, "config is null");
    this.port = port;
    this.sandboxWebhookKey = requireNonNull(sandboxWebhookKey, "sandboxWebhookKey is null");
  }

  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), String.class, Route.class);
    install(new OpsRoutes());
    if (config.servicenow().enabled() && !config.servicenow().pollMode()) {
      install(new WebhookRoute(sandboxWebhookKey));
    }
    config.http().codec().ifPresent(codec -> install(new CodecRoute(codec)));
    if (config.approvals().oidc().isPresent()) {
      install(new ApprovalsRoutes());
    }
  }

  /** The callers' connection the service uses, to close with it. */
  public static TemporalConnection callers(Injector injector) {
    return Assembly.instance(injector, Key.get(TemporalConnection.class, Names.named(CALLERS)));
  }

  @Provides
  @Singleton
  @Named(CALLERS)
  TemporalConnection callers(
      TemporalConfig temporal, Environment env, DataConverter converter, Optional<Scope> metrics) {
    return TemporalConnection.openForCallers(
        temporal, env.variables(), HttpService.TEMPORAL_PATIENCE, converter, metrics);
  }

  @Provides
  @Singleton
  HttpService http(
      RosterConfig config, @Named(CALLERS) TemporalConnection callers, Map<String, Route> routes) {
    return HttpService.start(config.http(), port, callers.client(), routes);
  }

  /** {@code POST /webhooks/servicenow}. */
  private static final class WebhookRoute extends AbstractModule {
    private final Optional<Secret> sandboxKey;

    WebhookRoute(Optional<Secret> sandboxKey) {
      this.sandboxKey = sandboxKey;
    }

    @ProvidesIntoMap
    @StringMapKey(ServiceNowWebhook.PATH)
    @Singleton
    Route webhook(
        RosterConfig config,
        Environment env,
        @Named(CALLERS) TemporalConnection callers,
        SubjectHasher subjects) {
      return WebhookSetup.fromConfig(
          config, env.variables(), callers.client(), subjects, sandboxKey);
    }
  }

  /** {@code POST /codec/encode} and {@code /codec/decode}, with the process's payload codec. */
  private static final class CodecRoute extends AbstractModule {
    private final CodecServerConfig codec;

    CodecRoute(CodecServerConfig codec) {
      this.codec = codec;
    }

    @ProvidesIntoMap
    @StringMapKey(CodecServer.PATH)
    @Singleton
    Route codec(PayloadCodec payloads, TemporalConfig temporal, Environment env) {
      List<Secret> tokens = new ArrayList<>();
      for (Map.Entry<String, SecretRef> token : codec.tokens().entrySet()) {
        tokens.add(
            token
                .getValue()
                .resolve(env.variables())
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "http",
                            "http.codec.tokens."
                                + token.getKey()
                                + ": "
                                + token.getValue().absence())));
      }
      return new CodecServer(
          payloads, temporal.namespace(), new HashSet<>(codec.origins()), tokens, codec.maxBody());
    }
  }

  /** {@code GET /api/approvals} and {@code POST /api/requests/...}, behind OpenID Connect. */
  private static final class ApprovalsRoutes extends AbstractModule {
    @Provides
    @Singleton
    ApprovalsApi api(RosterConfig config, @Named(CALLERS) TemporalConnection callers) {
      return ApprovalsApi.fromConfig(config, callers.client());
    }

    @ProvidesIntoMap
    @StringMapKey(ApprovalsApi.LIST)
    @Singleton
    Route list(ApprovalsApi api) {
      return api.list();
    }

    @ProvidesIntoMap
    @StringMapKey(ApprovalsApi.REQUESTS)
    @Singleton
    Route decide(ApprovalsApi api) {
      return api.decide();
    }
  }
}
