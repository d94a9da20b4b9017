package dev.roster.activities.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Checks on a vendor's 2xx answer. A step relies only on an answer it could read: a 2xx whose body
 * is cut off, malformed or of the wrong shape may come from something between Roster and the vendor
 * (a proxy, a gateway, a crash mid-write) that never let the vendor do the work, so it is a
 * retryable {@link VendorUnavailable}, never a success and never Rejected. Messages name what was
 * expected, never the body (bodies may echo personal data).
 */
public final class Answers {

  /** The failure for a 2xx that does not read as {@code what}. */
  public static VendorUnavailable unreadable(
      String vendor, String operation, int status, String what) {
    return new VendorUnavailable(vendor, operation, status, null, "unreadable answer: " + what);
  }

  /**
   * The body as JSON.
   *
   * @throws VendorUnavailable when it is empty or not JSON
   */
  public static JsonNode json(String vendor, String operation, int status, String body) {
    if (body == null || body.isBlank()) {
      throw unreadable(vendor, operation, status, "empty body");
    }
    try {
      return VendorJson.MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      throw unreadable(vendor, operation, status, "not JSON");
    }
  }

  /**
   * For an answer whose content the step does not need (204, {@code {"data":true}}): nothing, or
   * JSON. Anything else is not what the vendor sends, so it proves nothing was done.
   *
   * @throws VendorUnavailable otherwise
   */
  public static void emptyOrJson(String vendor, String operation, int status, String body) {
    if (body != null && !body.isBlank()) {
      json(vendor, operation, status, body);
    }
  }

  private Answers() {}
}
