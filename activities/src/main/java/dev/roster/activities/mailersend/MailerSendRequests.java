package dev.roster.activities.mailersend;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.activities.http.VendorJson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Request builders with JSON bodies; {@link MailerSendTransport} adds auth and sends them. */
final class MailerSendRequests {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  static Request.Builder get(HttpUrl.Builder url) {
    return new Request.Builder().url(url.build()).get();
  }

  static Request.Builder post(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).post(json(body));
  }

  static Request.Builder put(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).put(json(body));
  }

  /** DELETE, with a JSON body when given (the blocklist takes its ids in the body). */
  static Request.Builder delete(HttpUrl.Builder url, Object body) {
    return new Request.Builder().url(url.build()).delete(body == null ? null : json(body));
  }

  private static RequestBody json(Object body) {
    try {
      return RequestBody.create(VendorJson.MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private MailerSendRequests() {}
}
