package dev.roster.worker.temporal;

import static java.util.Objects.requireNonNull;

import com.uber.m3.tally.Scope;
import dev.roster.activities.http.Secret;
import dev.roster.worker.config.ConfigException;
import dev.roster.worker.config.TemporalConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;

/** A client connection to Temporal: the configured cluster, or the embedded server. */
public final class TemporalConnection implements AutoCloseable {
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final String target;

  private TemporalConnection(WorkflowServiceStubs service, WorkflowClient client, String target) {
    this.service = service;
    this.client = client;
    this.target = target;
  }

  /**
   * Connects to {@code config.address()}, or to the embedded server on loopback when no address is
   * configured, converting payloads with {@code converter} (the one {@link TemporalModule} binds).
   * Does not check that the server answers.
   */
  public static TemporalConnection open(
      TemporalConfig config, Map<String, String> env, DataConverter converter) {
    return open(config, env, null, converter, Optional.empty());
  }

  /** As {@link #open}, reporting the SDK's metrics (and its workers') to {@code metrics}. */
  public static TemporalConnection open(
      TemporalConfig config,
      Map<String, String> env,
      DataConverter converter,
      Optional<Scope> metrics) {
    return open(config, env, null, converter, metrics);
  }

  /**
   * As {@link #open}, for a service whose callers wait on each call (the webhook): a call to an
   * unreachable server, or a query no worker answers, gives up after {@code patience} instead of
   * the SDK's default (about a minute of retries), so the caller gets an answer (503) before its
   * own timeout (ServiceNow's business rule waits 10 s).
   */
  public static TemporalConnection openForCallers(
      TemporalConfig config,
      Map<String, String> env,
      Duration patience,
      DataConverter converter,
      Optional<Scope> metrics) {
    return open(config, env, requireNonNull(patience, "patience is null"), converter, metrics);
  }

  private static TemporalConnection open(
      TemporalConfig config,
      Map<String, String> env,
      Duration patience,
      DataConverter converter,
      Optional<Scope> metrics) {
    requireNonNull(config, "config is null");
    requireNonNull(converter, "converter is null");
    requireNonNull(metrics, "metrics is null");
    String target =
        config.embedded() ? "127.0.0.1:" + config.embeddedPort() : config.address().trim();
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(target);
    metrics.ifPresent(options::setMetricsScope);
    if (config.tls().enabled()) {
      options.setSslContext(sslContext(config));
    }
    if (config.apiKey() != null) {
      Optional<Secret> key = config.apiKey().resolve(env);
      if (key.isEmpty()) {
        throw new ConfigException("temporal", "temporal.apiKey: " + config.apiKey().absence());
      }
      String value = key.get().reveal();
      options.addApiKey(() -> value);
      // API keys travel only over TLS (Temporal Cloud requires it).
      options.setEnableHttps(true);
    }
    if (patience != null) {
      options
          .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(patience).build())
          .setRpcQueryTimeout(patience);
    }
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(options.build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(config.namespace())
                .setDataConverter(converter)
                .build());
    return new TemporalConnection(service, client, target);
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(
      TemporalConfig config) {
    Path cert = config.tls().certFile();
    Path key = config.tls().keyFile();
    try {
      SimpleSslContextBuilder builder;
      if (cert != null && key != null) {
        try (InputStream c = Files.newInputStream(cert);
            InputStream k = Files.newInputStream(key)) {
          builder = SimpleSslContextBuilder.forPKCS8(c, k);
          applyCa(builder, config.tls().caFile());
          return builder.build();
        }
      }
      builder = SimpleSslContextBuilder.noKeyOrCertChain();
      applyCa(builder, config.tls().caFile());
      return builder.build();
    } catch (IOException e) {
      throw new ConfigException(
          "temporal", "temporal.tls: cannot read certificate files: " + e.getMessage());
    }
  }

  private static void applyCa(SimpleSslContextBuilder builder, Path caFile) throws IOException {
    if (caFile == null) {
      return;
    }
    try (InputStream ca = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(ca)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      builder.setTrustManager(factory.getTrustManagers()[0]);
    } catch (GeneralSecurityException e) {
      throw new IOException("bad CA file " + caFile + ": " + e.getMessage(), e);
    }
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  /**
   * Operator API stubs to the same server with the same TLS and API key (search attributes); the
   * caller shuts them down.
   */
  public OperatorServiceStubs operator() {
    return OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder(service.getOptions())
            .validateAndBuildWithDefaults());
  }

  /** host:port in use. */
  public String target() {
    return target;
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
