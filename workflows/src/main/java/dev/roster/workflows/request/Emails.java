package dev.roster.workflows.request;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email checks and masking shared by every module. */
public final class Emails {
  // Deliberately plain: one @, a dotted domain, no spaces. Vendors apply their own stricter rules.
  private static final Pattern VALID =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  public static boolean isValid(String email) {
    return email != null && email.length() <= 254 && VALID.matcher(email.trim()).matches();
  }

  /** {@code ada.lovelace@example.com} becomes {@code a***@example.com}: safe for logs. */
  public static String mask(String email) {
    if (email == null) {
      return "null";
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at).toLowerCase(Locale.ROOT);
  }

  // The local part is matched conservatively (no '=', '/', '*'), so "email=ada@x.org" keeps its key
  // and an address masked already ("a***@x.org") is left as it is.
  private static final Pattern IN_TEXT =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

  /**
   * Every email address in free text masked as {@link #mask} does ({@code a***@example.com}): the
   * one function for log messages, exception messages and stack traces, and the messages of
   * activity failures. Null-safe.
   */
  public static String maskAll(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher m = IN_TEXT.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***" + r.group(2)));
  }

  private Emails() {}
}
