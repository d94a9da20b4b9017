package dev.roster.workflows.account;

/**
 * What a workflow needs to know about one configured vendor account. Read once through an activity
 * so the workflow stays deterministic when the configuration changes later.
 *
 * @param account the account id from configuration, e.g. {@code brevo-main}
 * @param vendor the vendor type, e.g. {@code brevo}
 * @param capabilities what its API can do
 * @param teamTaskQueue the activity queue for team-member calls
 * @param contactsTaskQueue the activity queue for contact and list calls
 * @param invitations how invitations are awaited
 */
public record AccountInfo(
    String account,
    String vendor,
    Capabilities capabilities,
    String teamTaskQueue,
    String contactsTaskQueue,
    InvitationPolicy invitations) {}
