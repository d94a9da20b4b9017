package dev.roster.starter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.roster.worker.config.ConfigLoader;
import dev.roster.worker.config.RosterConfig;
import dev.roster.worker.temporal.TemporalConnection;
import dev.roster.worker.temporal.TemporalModule;
import dev.roster.worker.testbed.TestPayloadKeys;
import io.temporal.common.converter.DataConverter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The approvals API while Temporal is down: a valid caller gets 503 with a reason, not a 500. */
class ApprovalsApiDownTest {

  @Test
  @Timeout(60)
  void listingAndDecidingAnswer503WhenTemporalIsDown() throws Exception {
    int dead;
    try (ServerSocket free = new ServerSocket(0)) {
      dead = free.getLocalPort();
    }
    MockOAuth2Server idp = new MockOAuth2Server();
    idp.start();
    try {
      RosterConfig config =
          ConfigLoader.parse(
              String.join(
                  "\n",
                  "temporal: {address: \"127.0.0.1:" + dead + "\"}",
                  "accounts: {brevo-main: {type: brevo}}",
                  "approvals:",
                  "  oidc: {issuer: '" + idp.issuerUrl("down") + "', audience: roster}",
                  ""),
              "down",
              Map.of());
      String token =
          idp.issueToken("down", "dave", "roster", Map.of("preferred_username", "dave"), 600)
              .serialize();
      try (TemporalConnection down =
              TemporalConnection.openForCallers(
                  config.temporal(),
                  Map.of(),
                  Duration.ofSeconds(2),
                  Guice.createInjector(
                          new TemporalModule(config.temporal(), Map.of(), TestPayloadKeys.K1))
                      .getInstance(DataConverter.class),
                  Optional.empty());
          HttpService http = serve(ApprovalsApi.fromConfig(config, down.client()), down)) {
        HttpClient client = HttpClient.newHttpClient();
        for (String[] call :
            List.of(
                new String[] {"GET", ApprovalsApi.LIST},
                new String[] {"POST", ApprovalsApi.REQUESTS + "onboard-RITM1/approve"})) {
          HttpResponse<String> r =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + call[1]))
                      .header("Authorization", "Bearer " + token)
                      .method(call[0], HttpRequest.BodyPublishers.noBody())
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(call[1] + ": " + r.body()).isEqualTo(503);
          assertThat(new ObjectMapper().readTree(r.body()).get("errors").get(0).asText())
              .startsWith("temporal: cannot reach Temporal (")
              .contains("nothing was decided");
        }
      }
    } finally {
      idp.shutdown();
    }
  }

  private static HttpService serve(ApprovalsApi api, TemporalConnection down) {
    return HttpService.start(
        "127.0.0.1",
        0,
        down.client(),
        Map.of(ApprovalsApi.LIST, api.list(), ApprovalsApi.REQUESTS, api.decide()));
  }
}
