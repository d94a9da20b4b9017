package dev.roster.worker.temporal;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.uber.m3.tally.Scope;
import dev.roster.worker.config.PayloadKeysConfig;
import dev.roster.worker.config.TemporalConfig;
import dev.roster.workflows.codec.EncryptingPayloadCodec;
import dev.roster.workflows.codec.PayloadKeyRing;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.Optional;

/**
 * The connection to Temporal: service stubs, the {@link WorkflowClient}, and the one {@link
 * DataConverter} every client and worker of the process uses (tests build their environment from it
 * too): JSON, then the payload codec ({@link EncryptingPayloadCodec}, also bound as the {@link
 * PayloadCodec} the codec server uses) on every payload and failure.
 */
public final class TemporalModule extends AbstractModule {
  private final TemporalConfig config;
  private final Map<String, String> env;
  private final Optional<PayloadKeyRing> keys;

  /**
   * With the configured key ring ({@code temporal.payloadKeys}), required: what deployed roles and
   * commands against a configured cluster use.
   *
   * @param config where Temporal is (the configured one, or one a command settled, e.g. the address
   *     a running {@code roster dev} recorded)
   * @param env where {@code temporal.apiKey} and the payload keys are resolved
   */
  public TemporalModule(TemporalConfig config, Map<String, String> env) {
    this(config, env, Optional.empty());
  }

  /**
   * With a key ring settled by the caller: the ephemeral key of {@code roster dev}/{@code demo},
   * the one a running {@code roster dev} recorded, or a test's.
   */
  public TemporalModule(TemporalConfig config, Map<String, String> env, PayloadKeyRing keys) {
    this(config, env, Optional.of(requireNonNull(keys, "keys is null")));
  }

  private TemporalModule(
      TemporalConfig config, Map<String, String> env, Optional<PayloadKeyRing> keys) {
    this.config = requireNonNull(config, "config is null");
    this.env = Map.copyOf(requireNonNull(env, "env is null"));
    this.keys = keys;
  }

  @Override
  protected void configure() {
    bind(TemporalConfig.class).toInstance(config);
    // Set by MetricsModule in the roles that export metrics (worker, serve, dev, demo).
    OptionalBinder.newOptionalBinder(binder(), Scope.class);
  }

  /**
   * @throws dev.roster.worker.config.ConfigException naming {@code temporal.payloadKeys} when no
   *     ring was given and none is configured, or a key is unusable
   */
  @Provides
  @Singleton
  PayloadCodec codec() {
    return new EncryptingPayloadCodec(
        keys.orElseGet(() -> PayloadKeysConfig.required(config, env)));
  }

  @Provides
  @Singleton
  DataConverter dataConverter(PayloadCodec codec) {
    return EncryptingPayloadCodec.dataConverter(codec);
  }

  @Provides
  @Singleton
  TemporalConnection connection(DataConverter converter, Optional<Scope> metrics) {
    return TemporalConnection.open(config, env, converter, metrics);
  }

  @Provides
  @Singleton
  WorkflowServiceStubs stubs(TemporalConnection connection) {
    return connection.service();
  }

  @Provides
  @Singleton
  WorkflowClient client(TemporalConnection connection) {
    return connection.client();
  }
}
