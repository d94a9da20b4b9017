package dev.roster.worker;

import dev.roster.activities.brevo.BrevoConnector;
import dev.roster.activities.listmonk.ListmonkConnector;
import dev.roster.activities.mailersend.MailerSendConnector;
import dev.roster.activities.mailjet.MailjetConnector;
import dev.roster.worker.config.VendorType;
import dev.roster.workflows.account.Capabilities;

/**
 * What each vendor type can do, as its connector declares it: for the doors that check a request
 * before it starts (the CLI, the webhook), without building a connector.
 */
public final class VendorCapabilities {

  public static Capabilities of(VendorType type) {
    return switch (type) {
      case BREVO -> BrevoConnector.CAPABILITIES;
      case MAILJET -> MailjetConnector.CAPABILITIES;
      case MAILERSEND -> MailerSendConnector.CAPABILITIES;
      case LISTMONK -> ListmonkConnector.CAPABILITIES;
    };
  }

  private VendorCapabilities() {}
}
