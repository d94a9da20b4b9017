package dev.roster.worker;

/** MailerSend's connector arrives with its package; until then its accounts cannot start. */
final class MailerSendConnectors {
  static Connectors.Built build(VendorAccount account) {
    throw new dev.roster.worker.config.ConfigException(
        "accounts." + account.id(),
        "accounts." + account.id() + ".type: mailersend is not wired yet");
  }

  private MailerSendConnectors() {}
}
