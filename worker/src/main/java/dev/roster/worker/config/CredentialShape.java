package dev.roster.worker.config;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;
import java.util.List;

/**
 * What a vendor's credential looks like: one secret (an API key or token), or two joined by a colon
 * (Mailjet's {@code APIKEY:SECRETKEY}, listmonk's {@code API_USER:TOKEN}).
 *
 * @param form how the credential is written, for messages, e.g. {@code APIKEY:SECRETKEY}
 * @param pair true when it is two parts joined by a colon
 */
public record CredentialShape(String form, boolean pair) {
  public CredentialShape {
    requireNonNull(form, "form is null");
  }

  /** One secret, e.g. {@code single("an API key")}. */
  public static CredentialShape single(String form) {
    return new CredentialShape(form, false);
  }

  /** Two parts joined by a colon, e.g. {@code pair("APIKEY:SECRETKEY")}. */
  public static CredentialShape pair(String form) {
    return new CredentialShape(form, true);
  }

  /**
   * The parts of {@code credential} of an account of {@code type}: itself, or both halves of a
   * pair. The message never shows the value.
   *
   * @throws ConfigException naming {@code accounts.<id>.credentials} when a pair has no colon or an
   *     empty half
   */
  public List<Secret> parts(String accountId, String type, Secret credential) {
    if (!pair) {
      return List.of(credential);
    }
    String value = credential.reveal();
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new ConfigException(
          "accounts." + accountId,
          "accounts." + accountId + ".credentials: a " + type + " credential has the form " + form);
    }
    return List.of(new Secret(value.substring(0, colon)), new Secret(value.substring(colon + 1)));
  }
}
