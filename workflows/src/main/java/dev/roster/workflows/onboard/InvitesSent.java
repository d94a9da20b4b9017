package dev.roster.workflows.onboard;

/**
 * What an OnboardUser started by another workflow (a bulk import's invitation window) tells its
 * parent once every invitation it was asked for is out: sent, opened as a manual task, or failed.
 * The parent's window then moves on while the invitations wait for acceptance in the child.
 *
 * @param workflowId the child's workflow id
 * @param invited accounts whose invitation went out (or whose manual task is open)
 * @param notInvited accounts whose invitation failed, was rejected or did not run
 * @param summary plain words per account, no email
 */
public record InvitesSent(String workflowId, int invited, int notInvited, String summary) {
  public static final String SIGNAL = "invitesSent";
}
