package dev.roster.starter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code roster probe URL}: the exit code a container health check reads. */
class ProbeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer server;
  private String base;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/readyz", ex -> answer(ex, 200));
    server.createContext("/down", ex -> answer(ex, 503));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(String... args) {
    CommandLine cli = RosterCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void twoHundredIsHealthy() {
    assertThat(run("probe", base + "/readyz")).isZero();
    assertThat(out.toString()).contains(base + "/readyz 200");
  }

  @Test
  void anythingElseIsNot() {
    assertThat(run("probe", base + "/down")).isEqualTo(1);
    assertThat(run("probe", base + "/nothing-here")).isEqualTo(1);
  }

  @Test
  void anUnreachablePortIsNotHealthy() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(run("probe", "http://127.0.0.1:" + closed + "/livez", "--timeout", "2s"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("unreachable");
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    assertThat(run("probe", "ftp://127.0.0.1/readyz")).isEqualTo(2);
    assertThat(err.toString()).contains("URL must be http://").contains("ftp://127.0.0.1/readyz");
  }
}
