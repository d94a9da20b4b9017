package dev.roster.worker.testbed;

import dev.roster.sandbox.FaultProxy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to set up a {@link FourVendorsTestbed}. The defaults are the quick ones most tests want: time
 * skipping, budgets far above what a test uses (1,000 a second on both sides), invitations polled
 * hourly, nobody accepting by themselves, no proxy.
 *
 * @param timeSkipping a time-skipping test server, or one on the real clock
 * @param workerBudget every account family's {@code rateBudgets} entry, as YAML
 * @param fakeLimit requests per {@code fakeWindow} each fake family allows before its own 429
 * @param invitations the Brevo and MailerSend accounts' {@code invitations}, as YAML
 * @param brevoAcceptAfter when Brevo invitees accept by themselves (null: never)
 * @param mailerSendAcceptAfter the same for MailerSend
 * @param proxy a fault proxy in front of every fake, with these options; null for none
 * @param importDir takes bulk imports: files from this directory, the import store inside it; null
 *     for a worker that takes none
 * @param serviceNowTaskPoll with a ServiceNow sandbox (tickets written back, manual tasks mirrored
 *     as sc_tasks checked at this interval); null for none
 */
public record FourVendorsOptions(
    boolean timeSkipping,
    String workerBudget,
    int fakeLimit,
    Duration fakeWindow,
    String invitations,
    Duration brevoAcceptAfter,
    Duration mailerSendAcceptAfter,
    FaultProxy.Options proxy,
    Path importDir,
    Duration serviceNowTaskPoll) {

  /** The worker's configuration of the four accounts (listmonk has no default base URL). */
  String configYaml(
      String brevo, String mailjet, String mailerSend, String listmonk, String listmonkUrl) {
    return String.join(
        "\n",
        "accounts:",
        "  " + brevo + ":",
        "    type: brevo",
        "    rateBudgets: {organization: " + workerBudget + ", contacts: " + workerBudget + "}",
        "    invitations: " + invitations,
        "  " + mailjet + ":",
        "    type: mailjet",
        "    rateBudgets: {api: " + workerBudget + "}",
        "  " + mailerSend + ":",
        "    type: mailersend",
        "    rateBudgets: {api: " + workerBudget + "}",
        "    invitations: " + invitations,
        "  " + listmonk + ":",
        "    type: listmonk",
        "    baseUrl: " + listmonkUrl,
        "    rateBudgets: {api: " + workerBudget + "}",
        "approvals: {privilegedRoles: [admin], timeout: 2d, remindEvery: 1d}",
        "");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; every setter is optional. */
  public static final class Builder {
    private boolean timeSkipping = true;
    private String workerBudget = "{requests: 1000, per: 1s}";
    private int fakeLimit = 1000;
    private Duration fakeWindow = Duration.ofSeconds(1);
    private String invitations = "{pollInterval: 1h, resendAfter: 3d, expireAfter: 7d}";
    private Duration brevoAcceptAfter;
    private Duration mailerSendAcceptAfter;
    private FaultProxy.Options proxy;
    private Path importDir;
    private Duration serviceNowTaskPoll;

    public Builder realClock() {
      this.timeSkipping = false;
      return this;
    }

    /** One budget for every family, e.g. {@code {requests: 20, per: 1s}}. */
    public Builder workerBudget(String yaml) {
      this.workerBudget = yaml;
      return this;
    }

    public Builder fakeLimit(int requests, Duration window) {
      this.fakeLimit = requests;
      this.fakeWindow = window;
      return this;
    }

    public Builder invitations(String yaml) {
      this.invitations = yaml;
      return this;
    }

    public Builder brevoAcceptAfter(Duration d) {
      this.brevoAcceptAfter = d;
      return this;
    }

    public Builder mailerSendAcceptAfter(Duration d) {
      this.mailerSendAcceptAfter = d;
      return this;
    }

    public Builder proxy(FaultProxy.Options options) {
      this.proxy = options;
      return this;
    }

    public Builder imports(Path dir) {
      this.importDir = dir;
      return this;
    }

    public Builder serviceNow(Duration taskPollInterval) {
      this.serviceNowTaskPoll = taskPollInterval;
      return this;
    }

    public FourVendorsOptions build() {
      return new FourVendorsOptions(
          timeSkipping,
          workerBudget,
          fakeLimit,
          fakeWindow,
          invitations,
          brevoAcceptAfter,
          mailerSendAcceptAfter,
          proxy,
          importDir,
          serviceNowTaskPoll);
    }
  }
}
