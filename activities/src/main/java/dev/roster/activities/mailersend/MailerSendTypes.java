package dev.roster.activities.mailersend;

import java.util.List;

/** What {@link MailerSendClient} returns: Roster-side views of MailerSend objects. */
public final class MailerSendTypes {

  /** An account user who has accepted their invite. */
  public record User(String id, String email, String role, List<String> permissions) {
    public User {
      permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
  }

  /** A pending invite. */
  public record Invite(String id, String email, String role, List<String> permissions) {
    public Invite {
      permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
  }

  /** An address MailerSend has sent mail to. */
  public record Recipient(String id, String email) {}

  /**
   * A blocklist entry.
   *
   * @param type {@code exact} (an address) or {@code pattern} (a regular expression)
   */
  public record BlocklistEntry(String id, String type, String pattern) {

    /** Whether the entry stops mail to this address; a pattern MailerSend accepts may not parse. */
    public boolean matches(String email) {
      if ("exact".equals(type)) {
        return pattern != null && pattern.trim().equalsIgnoreCase(email.trim());
      }
      try {
        return pattern != null && email.trim().matches(pattern);
      } catch (RuntimeException unparsable) {
        return false;
      }
    }
  }

  private MailerSendTypes() {}
}
