package dev.roster.workflows.approval;

import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.notice.Notice;
import dev.roster.workflows.request.Emails;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Waits for a person to approve or reject, inside a workflow. Enforces separation of duties (the
 * requester can never approve or reject their own request), reminds on a timer and ends in a clean
 * {@code timed-out} when nobody answers. Deterministic: uses only Workflow time and await.
 */
public final class ApprovalGate {

  /** How an approval ended. */
  public enum Result {
    APPROVED,
    REJECTED,
    TIMED_OUT,
    /** The request was withdrawn while waiting ({@link #withdraw}). */
    CANCELLED
  }

  private final String requestedBy;
  private final List<String> refused = new ArrayList<>();
  private String state = "not-required";
  private String what;
  private String since;
  private Decision decision;
  private Decision withdrawal;
  private boolean approved;
  private int reminders;
  private String about;
  private String role;

  public ApprovalGate(String requestedBy) {
    this.requestedBy = requestedBy;
  }

  /**
   * Says who the request is about and what an approval grants, for the request board ({@code roster
   * approvals}). The email is masked here; only the mask and the subject are listed.
   */
  public void about(String email, String subject, String role) {
    this.about = Emails.mask(email) + " (" + subject + ")";
    this.role = role;
  }

  /** Says what the request is about when it is not one person (e.g. an import's rows). */
  public void about(String description, String role) {
    this.about = description;
    this.role = role;
  }

  /**
   * Ends a wait with {@link Result#CANCELLED}: the request is withdrawn. Anyone may withdraw (the
   * requester too). The first withdrawal counts; none counts after a decision.
   */
  public void withdraw(Decision d) {
    if (withdrawal == null && decision == null) {
      withdrawal = d == null ? new Decision("unknown", null, null) : d;
    }
  }

  /** Signal handler for {@code approve}. */
  public void approve(Decision d) {
    accept(d, true);
  }

  /** Signal handler for {@code reject}. */
  public void reject(Decision d) {
    accept(d, false);
  }

  private void accept(Decision d, boolean approve) {
    String verb = approve ? "approve" : "reject";
    if (decision != null) {
      refused.add(verb + " by " + safe(d) + ": already decided by " + decision.by());
    } else if (d == null || d.by() == null || d.by().isBlank()) {
      refused.add(verb + ": no approver named");
    } else if (isRequester(d.by())) {
      refused.add(verb + " by " + d.by() + ": the requester cannot decide their own request");
    } else {
      decision = d;
      approved = approve;
    }
  }

  private boolean isRequester(String by) {
    return requestedBy != null
        && requestedBy.trim().toLowerCase(Locale.ROOT).equals(by.trim().toLowerCase(Locale.ROOT));
  }

  private static String safe(Decision d) {
    return d == null ? "nobody" : d.by();
  }

  /**
   * Blocks until a decision or the policy's timeout, with the request listed on the request board
   * meanwhile (so {@code roster approvals} shows it), reminders and a timeout sent as notices.
   */
  public Result await(
      String what, ApprovalPolicy policy, ControlActivities control, String ticket) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    // Version 1 lists the approval on the board; histories recorded before it replay without.
    boolean onBoard = Workflow.getVersion("approval-on-board", Workflow.DEFAULT_VERSION, 1) >= 1;
    BoardItem item =
        new BoardItem(
            BoardItem.APPROVAL,
            workflowId,
            "approval",
            null,
            what,
            requestedBy,
            ticket,
            Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
            about,
            role);
    if (onBoard) {
      control.postToBoard(item);
    }
    Result result;
    try {
      result =
          await(
              what,
              policy,
              text -> control.notify(new Notice(workflowId, ticket, "approval-reminder", text)));
    } catch (CanceledFailure e) {
      state = "withdrawn";
      if (onBoard) {
        Workflow.newDetachedCancellationScope(() -> control.removeFromBoard(item)).run();
      }
      throw e;
    }
    if (result == Result.TIMED_OUT) {
      control.notify(
          new Notice(
              workflowId,
              ticket,
              "approval-timeout",
              "Nobody approved " + what + " in time; that part of the request ended."));
    }
    if (onBoard) {
      control.removeFromBoard(item);
    }
    return result;
  }

  /**
   * Blocks the calling workflow thread until a decision or the policy's timeout. Sends a reminder
   * through {@code remind} every {@code policy.remindEvery()} while waiting.
   */
  public Result await(String what, ApprovalPolicy policy, Consumer<String> remind) {
    this.what = what;
    this.state = "waiting";
    Instant start = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    this.since = start.toString();
    Instant deadline = start.plus(policy.timeout());
    while (decision == null && withdrawal == null) {
      Duration left =
          Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      Duration slice = policy.remindEvery() == null ? left : min(left, policy.remindEvery());
      if (!Workflow.await(slice, () -> decision != null || withdrawal != null)
          && slice.compareTo(left) < 0) {
        reminders++;
        remind.accept(
            "Approval needed ("
                + reminders
                + " reminder(s)): "
                + what
                + ". Requested by "
                + requestedBy
                + ".");
      }
    }
    if (withdrawal != null && decision == null) {
      state = "withdrawn";
      return Result.CANCELLED;
    }
    if (decision == null) {
      state = "timed-out";
      return Result.TIMED_OUT;
    }
    state = approved ? "approved" : "rejected";
    return approved ? Result.APPROVED : Result.REJECTED;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public boolean isWaiting() {
    return "waiting".equals(state);
  }

  /** The approval's status; a withdrawal while waiting shows as its decision. */
  public ApprovalStatus status() {
    return new ApprovalStatus(
        state,
        what,
        requestedBy,
        since,
        "withdrawn".equals(state) ? withdrawal : decision,
        List.copyOf(refused),
        reminders);
  }
}
