package dev.roster.activities.http;

import java.util.List;
import java.util.stream.Collectors;

/** Masks email addresses for logs: {@code ada@example.com} becomes {@code a***@example.com}. */
public final class EmailMask {

  /** Masks one address; anything without an {@code @} is returned unchanged. Null-safe. */
  public static String mask(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return email;
    }
    String first = at == 0 ? "" : email.substring(0, 1);
    return first + "***" + email.substring(at);
  }

  /** A URL path from decoded segments, with every segment that holds an address masked. */
  public static String maskPath(List<String> pathSegments) {
    return pathSegments.stream().map(EmailMask::mask).collect(Collectors.joining("/", "/", ""));
  }

  private EmailMask() {}
}
