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
  private final List<Decision> approvals = new ArrayList<>();

  /** Decisions that came before the policy was known, in arrival order. */
  private final List<Decision> deferred = new ArrayList<>();

  private final List<Boolean> deferredVerbs = new ArrayList<>();
  private final DeciderCheck deciders;
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
    this.deciders = new DeciderCheck(requestedBy);
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

  /**
   * Says what kind of decision this gate waits for and on which accounts, with the policy snapshot
   * the workflow read: from then on a decision must come from someone the policy allows, and as
   * many different people as it requires. Decisions that arrived earlier are checked now, in the
   * order they came. Without a call, {@link #await} sets the policy with no kind: anyone but the
   * requester decides (the behaviour before approver rules, which recorded histories replay).
   */
  public void expect(ApprovalPolicy policy, String kind, List<String> accounts) {
    deciders.expect(policy, kind, accounts);
    List<Decision> early = List.copyOf(deferred);
    List<Boolean> verbs = List.copyOf(deferredVerbs);
    deferred.clear();
    deferredVerbs.clear();
    for (int i = 0; i < early.size(); i++) {
      accept(early.get(i), verbs.get(i));
    }
  }

  /** Signal handler for {@code approve}: a refused decision is recorded in the status. */
  public void approve(Decision d) {
    accept(d, true);
  }

  /** Signal handler for {@code reject}: a refused decision is recorded in the status. */
  public void reject(Decision d) {
    accept(d, false);
  }

  /**
   * Why a decision given now would be refused, for an Update's validator (which must change
   * nothing): nothing waiting, already decided, the requester, not allowed by the policy, or the
   * same person approving twice. Null when it would be taken.
   */
  public String refusalNow(Decision d, boolean approve) {
    if (decision == null && !isWaiting()) {
      return "nothing is waiting for a decision (approval: " + state + ")";
    }
    return refusal(d, approve);
  }

  /**
   * An Update's handler, after its validator: takes the decision and says what it did ({@code
   * approved}, {@code rejected}, or {@code recorded} while more approvers are needed).
   */
  public DecisionOutcome decide(Decision d, boolean approve) {
    accept(d, approve);
    if (decision != null) {
      return new DecisionOutcome(approved ? "approved" : "rejected", status().what());
    }
    int needed = required() - approvals.size();
    return new DecisionOutcome(
        "recorded",
        "approval "
            + approvals.size()
            + " of "
            + required()
            + " recorded; "
            + needed
            + " more from a different allowed person");
  }

  private void accept(Decision d, boolean approve) {
    if (!deciders.ready() && decision == null) {
      deferred.add(d);
      deferredVerbs.add(approve);
      return;
    }
    String why = refusal(d, approve);
    if (why != null) {
      refused.add(why);
      return;
    }
    if (approve) {
      approvals.add(d);
      if (approvals.size() < required()) {
        return;
      }
    }
    decision = d;
    approved = approve;
  }

  private String refusal(Decision d, boolean approve) {
    return deciders.refusal(d, approve, decision, withdrawal, approvals);
  }

  private int required() {
    return deciders.required();
  }

  /** Who may decide, in words, once the gate knows its policy and kind; null before. */
  public String approvers() {
    return deciders.approvers();
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
            role,
            approvers(),
            deciders.kind(),
            deciders.accounts());
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
    if (!deciders.ready()) {
      expect(policy, null, List.of());
    }
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
        reminders,
        List.copyOf(approvals),
        approvers());
  }
}
