package dev.roster.sandbox.servicenow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Delivers a webhook body the way the business rule's RESTMessageV2 call does. */
public final class WebhookFirer {

  /** What the receiver answered. */
  public record WebhookDelivery(int status, String body) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** POSTs {@code body} to {@code target} with the signer's headers computed at {@code now}. */
  public WebhookDelivery fire(URI target, byte[] body, WebhookSigner signer, Instant now)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signer.headers(body, now).forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new WebhookDelivery(response.statusCode(), response.body());
  }
}
