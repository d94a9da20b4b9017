package dev.roster.workflows.request;

import java.util.Locale;
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

  private Emails() {}
}
