package dev.roster.starter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the server itself refuses (a malformed request: 400, or 404 for a path it cannot parse;
 * headers over {@code http.maxHeaderBytes}: 431), answered like the routes do: {@code
 * {"errors":["..."]}}, never an HTML page.
 */
final class JsonErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if (code == 400 && unparsablePath(cause)) {
      response.setStatus(404);
      response.write(true, json(404, "no such endpoint"), callback);
      return;
    }
    response.write(true, json(code, message), callback);
  }

  /**
   * Whether the request target had a path the server cannot parse (such as one with {@code %00}):
   * no route serves such a path, so it gets the 404 every other unknown path gets.
   */
  private static boolean unparsablePath(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalArgumentException
          && t.getStackTrace().length > 0
          && t.getStackTrace()[0].getClassName().startsWith(HttpURI.class.getName())) {
        return true;
      }
    }
    return false;
  }

  private static ByteBuffer json(int code, String message) {
    String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      return ByteBuffer.wrap(JSON.writeValueAsBytes(Map.of("errors", List.of(reason))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
