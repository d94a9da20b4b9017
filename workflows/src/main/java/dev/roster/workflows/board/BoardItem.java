package dev.roster.workflows.board;

import java.util.List;

/**
 * Something waiting for a person, listed on the request board: an approval or a manual task.
 *
 * @param kind {@link #APPROVAL} or {@link #MANUAL_TASK}
 * @param workflowId the request it belongs to
 * @param itemId unique within the request: {@code approval}, or the manual task's id
 * @param account the vendor account it concerns, or null for the whole request
 * @param text what is to be done or decided, in plain words
 * @param requestedBy who asked (an approval may not be given by them)
 * @param ticket the ticket, or null
 * @param since workflow time it opened, ISO-8601
 * @param about who the request is about: the masked email and the subject hash (never the whole
 *     email), or a description for a request about many people; null when not given
 * @param role what an approval grants, e.g. {@code admin on brevo-main}, or null
 * @param approvers who may decide an approval, in words, or null (anyone but the requester)
 * @param decides the kind of decision an approval waits for ({@code ApproverRule.KINDS}), or null
 *     (anyone but the requester; items listed before it was recorded read null)
 * @param accounts the accounts an approval concerns, for checking the policy; empty for any
 */
public record BoardItem(
    String kind,
    String workflowId,
    String itemId,
    String account,
    String text,
    String requestedBy,
    String ticket,
    String since,
    String about,
    String role,
    String approvers,
    String decides,
    List<String> accounts) {
  public static final String APPROVAL = "approval";
  public static final String MANUAL_TASK = "manual-task";

  public BoardItem {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  /** The board's key for this item. */
  public String key() {
    return workflowId + "/" + itemId;
  }
}
