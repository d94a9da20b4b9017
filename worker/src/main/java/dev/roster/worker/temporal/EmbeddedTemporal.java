package dev.roster.worker.temporal;

import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default (ARCHITECTURE.md §6): Temporal's Java test server in real-time mode, in this
 * JVM. State lives in memory; no visibility queries, schedules, task-queue rate limits or Web UI.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporal.class);

  private final TestServer.PortBoundTestServer server;
  private final int port;

  private EmbeddedTemporal(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the server on {@code port} and registers Roster's search attributes in {@code
   * namespace}.
   *
   * @throws IllegalStateException naming the port when it is taken
   */
  public static EmbeddedTemporal start(int port, String namespace) {
    ensureFree(port);
    // true = lock time skipping: the server follows the real clock, as a real cluster does.
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
    EmbeddedTemporal embedded = new EmbeddedTemporal(server, port);
    try {
      embedded.registerSearchAttributes(namespace);
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
    log.info("embedded Temporal test server started address=127.0.0.1:{}", port);
    return embedded;
  }

  private static void ensureFree(int port) {
    // The test server binds every interface; check both so the message is ours, not gRPC's.
    for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), null}) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(
            address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
      } catch (IOException e) {
        throw new IllegalStateException(
            "port "
                + port
                + " is already in use, so the embedded Temporal server cannot start there; stop"
                + " what uses it, or set temporal.embeddedPort (or --temporal-port) to a free"
                + " port, or set TEMPORAL_ADDRESS to use a running cluster");
      }
    }
  }

  private void registerSearchAttributes(String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target())
                .validateAndBuildWithDefaults());
    try {
      new SearchAttributeSetup(operator).register(namespace);
    } finally {
      operator.shutdownNow();
    }
  }

  /** {@code 127.0.0.1:port}: the server binds every interface, clients use loopback. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.close();
  }
}
