package dev.roster.activities.mailersend;

import static java.util.Objects.requireNonNull;

import dev.roster.activities.http.RateBudget;
import dev.roster.activities.http.Secret;
import dev.roster.activities.http.VendorHttp;
import dev.roster.activities.spi.TeamConnector;
import dev.roster.workflows.account.Capabilities;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One MailerSend account as Roster sees it: team members by invite ({@link #team()}), plus the
 * blocklist and recipient erasure for offboarding ({@link #contacts()}). MailerSend keeps no
 * contacts or lists, only recipients of sent mail (ARCHITECTURE.md §3), and has no bulk import.
 */
public final class MailerSendConnector {

  /** Invites the person accepts; no contacts, no lists; blocklist and recipient deletion. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(Capabilities.TeamInvite.INVITATION, false, false, true, true);

  /** Every MailerSend endpoint but /email shares one budget (60 per minute). */
  public static final String TEAM_FAMILY = "api";

  private final MailerSendTeam team;
  private final MailerSendRecipients recipients;

  /**
   * @param blocklistDomainId the domain suppression blocks on; empty blocks account-wide
   */
  public MailerSendConnector(MailerSendClient client, Optional<String> blocklistDomainId) {
    requireNonNull(client, "client is null");
    requireNonNull(blocklistDomainId, "blocklistDomainId is null");
    this.team = new MailerSendTeam(client);
    this.recipients = new MailerSendRecipients(client, blocklistDomainId);
  }

  /** A connector that blocks addresses account-wide. */
  public MailerSendConnector(MailerSendClient client) {
    this(client, Optional.empty());
  }

  /**
   * The usual wiring: an OkHttp client from {@link VendorHttp} and the account's "api" budget.
   *
   * @param baseUrl e.g. {@code https://api.mailersend.com/v1}
   */
  public static MailerSendConnector create(String baseUrl, Secret token, RateBudget budget) {
    HttpUrl url = HttpUrl.get(requireNonNull(baseUrl, "baseUrl is null"));
    var http = VendorHttp.newClient(MailerSendClient.VENDOR, MailerSendClient.REQUEST_ID_HEADERS);
    return new MailerSendConnector(new MailerSendClient(url, token, budget, http));
  }

  /** Users and invites. */
  public TeamConnector team() {
    return team;
  }

  /** Recipients and the blocklist: find, suppress and erase; no contacts, no lists. */
  public MailerSendRecipients contacts() {
    return recipients;
  }
}
