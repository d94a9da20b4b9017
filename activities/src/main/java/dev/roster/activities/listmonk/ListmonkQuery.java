package dev.roster.activities.listmonk;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.roster.activities.http.Rejected;
import dev.roster.activities.http.VendorJson;
import java.util.Locale;

/** Builds the SQL of listmonk's {@code query} parameter, and other body bits. */
final class ListmonkQuery {
  private ListmonkQuery() {}

  /**
   * {@code LOWER(subscribers.email)='<address>'} for GET /api/subscribers?query=.
   *
   * <p>Why the care: listmonk pastes {@code query} into the WHERE clause of its subscriber SQL
   * (that is what the {@code subscribers:sql_query} permission guards). Addresses are attacker-
   * controlled input (a sign-up form, a ServiceNow ticket) and may legally contain a quote: {@code
   * x' OR '1'='1@example.com} unescaped would match every subscriber, and the offboarding that
   * follows would blocklist or erase the wrong people. So: quotes are doubled (the SQL-standard
   * escape; PostgreSQL's default standard_conforming_strings keeps backslashes literal), control
   * characters are refused outright, and the caller still keeps only an exact address match.
   */
  static String emailEquals(String email) {
    String normalised = email.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < normalised.length(); i++) {
      if (Character.isISOControl(normalised.charAt(i))) {
        throw new Rejected(
            ListmonkClient.VENDOR, "findSubscriber", 0, null, "email contains control characters");
      }
    }
    return "LOWER(subscribers.email)='" + normalised.replace("'", "''") + "'";
  }

  static byte[] jsonBytes(Object body) {
    try {
      return VendorJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }
}
