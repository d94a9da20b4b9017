package dev.roster.workflows.testing;

import dev.roster.workflows.account.AccountInfo;
import dev.roster.workflows.approval.ApprovalPolicy;
import dev.roster.workflows.board.BoardItem;
import dev.roster.workflows.control.ControlActivities;
import dev.roster.workflows.failure.FailureTypes;
import dev.roster.workflows.notice.Notice;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Roster's control activities as a stateful fake: the configured accounts, the approval policy, the
 * notices sent, the request board and the invitation watches. Tests assert on its state.
 */
public final class FakeControl implements ControlActivities {
  private final Map<String, AccountInfo> accounts = new LinkedHashMap<>();
  private final List<Notice> notices = new ArrayList<>();
  private final Map<String, BoardItem> board = new LinkedHashMap<>();
  private final Set<String> watches = new LinkedHashSet<>();
  private final List<String> onboardingsToCancel = new ArrayList<>();
  private ApprovalPolicy policy = Accounts.POLICY;
  private int subjectLookups;

  /** Configures an account (its queues are where the vendor fakes must be registered). */
  public synchronized FakeControl account(AccountInfo info) {
    accounts.put(info.account(), info);
    return this;
  }

  public synchronized FakeControl policy(ApprovalPolicy policy) {
    this.policy = policy;
    return this;
  }

  /** What {@link #cancelOnboarding} reports it cancelled. */
  public synchronized FakeControl runningOnboarding(String workflowId) {
    onboardingsToCancel.add(workflowId);
    return this;
  }

  public synchronized List<AccountInfo> accounts() {
    return List.copyOf(accounts.values());
  }

  @Override
  public synchronized AccountInfo describeAccount(String account) {
    AccountInfo info = accounts.get(account);
    if (info == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "no account " + account, FailureTypes.UNKNOWN_ACCOUNT);
    }
    return info;
  }

  @Override
  public synchronized ApprovalPolicy approvalPolicy() {
    return policy;
  }

  @Override
  public synchronized String subjectOf(String email) {
    subjectLookups++;
    return "s-" + Integer.toHexString(email.trim().toLowerCase(Locale.ROOT).hashCode());
  }

  @Override
  public synchronized void notify(Notice notice) {
    notices.add(notice);
  }

  @Override
  public synchronized void watchInvitation(String account, String workflowId, String email) {
    watches.add(account + "/" + workflowId);
  }

  @Override
  public synchronized void unwatchInvitation(String account, String workflowId) {
    watches.remove(account + "/" + workflowId);
  }

  @Override
  public synchronized void postToBoard(BoardItem item) {
    board.put(item.key(), item);
  }

  @Override
  public synchronized void removeFromBoard(BoardItem item) {
    board.remove(item.key());
  }

  @Override
  public synchronized List<String> listAccounts() {
    return List.copyOf(accounts.keySet());
  }

  @Override
  public synchronized List<String> cancelOnboarding(String subject) {
    return List.copyOf(onboardingsToCancel);
  }

  /** The notices of one kind, in the order they were sent. */
  public synchronized List<Notice> notices(String kind) {
    return notices.stream().filter(n -> kind.equals(n.kind())).toList();
  }

  /** The items on the request board now. */
  public synchronized List<BoardItem> board() {
    return List.copyOf(board.values());
  }

  /** Whether {@code workflowId} is watched for an invitation on {@code account}. */
  public synchronized boolean watched(String account, String workflowId) {
    return watches.contains(account + "/" + workflowId);
  }

  /** How often a subject was asked for (zero: the workflow refused the request first). */
  public synchronized int subjectLookups() {
    return subjectLookups;
  }
}
