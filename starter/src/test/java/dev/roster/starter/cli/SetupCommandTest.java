package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.workflows.codec.PayloadKeyRing;
import dev.roster.workflows.conventions.RosterSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roster setup} on a Temporal server that has none of Roster's search attributes: a workflow
 * started with them is refused before and accepted after, and a second run finds them.
 */
class SetupCommandTest {
  @TempDir Path dir;
  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs service;
  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port, true);
    config = dir.resolve("roster.yaml");
    // Like every command against a configured cluster, setup runs with the payload keys.
    Path key = dir.resolve("payload.key");
    Files.writeString(key, PayloadKeyRing.newKey());
    Files.writeString(
        config,
        "temporal:\n  address: 127.0.0.1:"
            + port
            + "\n  payloadKeys: {active: k1, keys: {k1: {file: \""
            + key
            + "\"}}}\n");
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
  }

  @AfterEach
  void stopServer() {
    service.shutdownNow();
    server.close();
  }

  @Test
  void registersRostersSearchAttributesOnceAndSaysSo() {
    assertThat(catchThrowable(() -> startWithSearchAttributes("before-setup")))
        .as("the server refuses attributes nobody registered")
        .isNotNull();

    assertThat(run("setup", "--config", config.toString())).isZero();
    assertThat(out.toString())
        .contains("namespace default: search attributes")
        .contains("added    RosterOperation (Keyword)")
        .contains("added    RosterVendors (KeywordList)")
        .contains("Done: 5 added");

    startWithSearchAttributes("after-setup");

    out.getBuffer().setLength(0);
    assertThat(run("setup", "--config", config.toString())).isZero();
    assertThat(out.toString())
        .contains("present  RosterSubject (Keyword)")
        .doesNotContain("added ")
        .contains("Nothing to do");
  }

  @Test
  void aBadWaitIsAUsageError() {
    assertThat(run("setup", "--config", config.toString(), "--wait", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("expected a duration like 500ms");
  }

  private void startWithSearchAttributes(String workflowId) {
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            "AnyWorkflow",
            WorkflowOptions.newBuilder()
                .setTaskQueue("setup-test")
                .setWorkflowId(workflowId)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(RosterSearchAttributes.OPERATION, "onboard")
                        .set(RosterSearchAttributes.PHASE, "started")
                        .build())
                .build());
    stub.start();
  }

  private int run(String... args) {
    var cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
