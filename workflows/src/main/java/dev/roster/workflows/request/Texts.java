package dev.roster.workflows.request;

import java.util.Optional;

/** Checks on free text that reaches ids, logs, tickets and terminals. */
public final class Texts {

  /**
   * The first character of {@code value} that has no place in a request field, described (e.g.
   * {@code "a control character (U+0007)"}), or empty. Refused: C0 and C1 control characters (tab,
   * line feed and carriage return too unless {@code lineBreaksAllowed}), the bidirectional
   * formatting characters that can make text read differently than it is (Trojan Source), and
   * unpaired surrogates.
   */
  public static Optional<String> unsafeCharacter(String value, boolean lineBreaksAllowed) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
        continue;
      }
      if (Character.isISOControl(c)) {
        return Optional.of("a control character (" + codePoint(c) + ")");
      }
      if (isBidiControl(c)) {
        return Optional.of("a bidirectional formatting character (" + codePoint(c) + ")");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("an unpaired surrogate (" + codePoint(c) + ")");
      }
    }
    return Optional.empty();
  }

  /** U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069. */
  static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** At most {@code max} characters of {@code value}, with control characters shown as '?'. */
  public static String clip(String value, int max) {
    if (value == null) {
      return "null";
    }
    String cut = value.length() > max ? value.substring(0, max) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length());
    for (char c : cut.toCharArray()) {
      out.append(Character.isISOControl(c) || isBidiControl(c) ? '?' : c);
    }
    return out.toString();
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  private Texts() {}
}
