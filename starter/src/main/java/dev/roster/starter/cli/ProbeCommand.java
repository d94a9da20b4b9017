package dev.roster.starter.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "GET a URL: exit 0 when it answers 2xx, 1 otherwise.",
      "",
      "A container health check for images without curl or wget (Roster's image",
      "has only the Java runtime)."
    },
    footer = {
      "",
      "Examples:",
      "  roster probe http://127.0.0.1:9464/readyz     # a worker's ops port",
      "  roster probe http://127.0.0.1:8080/livez      # roster serve"
    })
public final class ProbeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "http:// or https:// URL to GET")
  URI url;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new UsageError("probe: URL must be http://host[:port]/path or https://..., got " + url);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      spec.commandLine().getOut().println(url + " " + status);
      return status / 100 == 2 ? 0 : 1;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println(url + " unreachable (" + e.getClass().getSimpleName() + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
