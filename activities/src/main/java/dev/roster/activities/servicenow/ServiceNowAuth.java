package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.Secret;

/** How Roster authenticates to an instance's REST APIs (servicenow.md §2). */
public sealed interface ServiceNowAuth {

  /** HTTP Basic with the integration user's password. */
  record Basic(String user, Secret password) implements ServiceNowAuth {
    public Basic {
      requireNonNull(user, "user is null");
      requireNonNull(password, "password is null");
    }
  }

  /**
   * OAuth 2.0 client credentials at {@code POST /oauth_token.do}. The instance needs {@code
   * glide.oauth.inbound.client.credential.grant_type.enabled} and an OAuth Application User.
   */
  record ClientCredentials(String clientId, Secret clientSecret) implements ServiceNowAuth {
    public ClientCredentials {
      requireNonNull(clientId, "clientId is null");
      requireNonNull(clientSecret, "clientSecret is null");
    }
  }
}
