package dev.roster.activities.mailersend;

import static dev.roster.activities.mailersend.MailerSendClient.REQUEST_ID_HEADERS;
import static dev.roster.activities.mailersend.MailerSendClient.VENDOR;
import static dev.roster.activities.mailersend.MailerSendRequests.get;

import com.fasterxml.jackson.databind.JavaType;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.MeteredHttp;
import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.RedactingLogInterceptor;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.StatusMapping;
import dev.roster.activities.http.VendorJson;
import dev.roster.activities.http.VendorUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One MailerSend call: the permit, the bearer token, quota and 429 signals, status mapping, and
 * MailerSend's {@code data} envelopes, single or paged.
 */
final class MailerSendTransport {
  /** The largest page MailerSend serves (limit 10..100). */
  static final int PAGE_SIZE = 100;

  /** A bound on pages per listing, so one activity makes a bounded number of calls. */
  static final int MAX_PAGES = 50;

  private final HttpUrl baseUrl;
  private final Secret token;
  private final RateBudget budget;
  private final MeteredHttp http;
  private final ResponseReader reader;

  MailerSendTransport(
      HttpUrl baseUrl, Secret token, RateBudget budget, OkHttpClient http, ResponseReader reader) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.budget = budget;
    this.http = MeteredHttp.over(http);
    this.reader = reader;
  }

  HttpUrl.Builder url(String segments) {
    return baseUrl.newBuilder().addPathSegments(segments);
  }

  /** Every item of a paged listing, up to {@link #MAX_PAGES} pages. */
  <W, T> List<T> listAll(String operation, String path, Class<W> wire, Function<W, T> map) {
    JavaType type =
        VendorJson.MAPPER.getTypeFactory().constructParametricType(MailerSendWire.Page.class, wire);
    List<T> out = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      HttpUrl.Builder url =
          url(path)
              .addQueryParameter("page", Integer.toString(page))
              .addQueryParameter("limit", Integer.toString(PAGE_SIZE));
      MailerSendReply reply = send(operation, get(url));
      MailerSendWire.Page<W> body = reply.read(type);
      if (body.data() == null) {
        // A page without data is not the end of the listing: it is an answer we cannot use.
        throw Answers.unreadable(VENDOR, operation, reply.status(), "a page without data");
      }
      if (body.data().isEmpty()) {
        return out;
      }
      body.data().forEach(w -> out.add(map.apply(w)));
      if (isLast(body, page)) {
        return out;
      }
    }
    throw new VendorUnavailable(
        VENDOR, operation, 200, null, "more than " + MAX_PAGES + " pages; listing stopped");
  }

  private static boolean isLast(MailerSendWire.Page<?> body, int page) {
    if (body.links() != null) {
      return body.links().next() == null;
    }
    return body.meta() == null || body.meta().lastPage() == null || page >= body.meta().lastPage();
  }

  /** The {@code data} of a single-item answer; an answer without it is unreadable. */
  <W> W single(String operation, Request.Builder request, Class<W> wire) {
    JavaType type =
        VendorJson.MAPPER
            .getTypeFactory()
            .constructParametricType(MailerSendWire.Single.class, wire);
    MailerSendReply reply = send(operation, request);
    MailerSendWire.Single<W> body = reply.read(type);
    if (body.data() == null) {
      throw Answers.unreadable(VENDOR, operation, reply.status(), "no data");
    }
    return body.data();
  }

  MailerSendReply send(String operation, Request.Builder request) {
    Request built =
        request
            .tag(RateBudget.Permit.class, budget.permit(operation))
            .header("Authorization", "Bearer " + token.reveal())
            .header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      reader.observe(response);
      if (response.isSuccessful()) {
        return new MailerSendReply(operation, response.code(), body);
      }
      String requestId = RedactingLogInterceptor.requestId(response.headers(), REQUEST_ID_HEADERS);
      Duration retryAfter = response.code() == 429 ? reader.retryAfter(response) : null;
      throw StatusMapping.forStatus(
          VENDOR,
          operation,
          response.code(),
          requestId,
          ResponseReader.errorMessage(body),
          retryAfter);
    } catch (IOException e) {
      throw StatusMapping.forIo(VENDOR, operation, e);
    }
  }
}
