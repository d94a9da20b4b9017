package dev.roster.workflows.conventions;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Roster's custom search attributes (ARCHITECTURE.md §5). None ever holds an email: the subject is
 * a keyed hash.
 */
public final class RosterSearchAttributes {
  public static final SearchAttributeKey<String> OPERATION =
      SearchAttributeKey.forKeyword("RosterOperation");
  public static final SearchAttributeKey<String> TICKET =
      SearchAttributeKey.forKeyword("RosterTicket");
  public static final SearchAttributeKey<String> SUBJECT =
      SearchAttributeKey.forKeyword("RosterSubject");
  public static final SearchAttributeKey<List<String>> VENDORS =
      SearchAttributeKey.forKeywordList("RosterVendors");
  public static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("RosterPhase");

  /** Name to type, for registration on a server (the embedded one registers them at start). */
  public static final Map<String, io.temporal.api.enums.v1.IndexedValueType> ALL =
      Map.of(
          OPERATION.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          TICKET.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          SUBJECT.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          VENDORS.getName(),
              io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
          PHASE.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  /**
   * In workflow code, at a request's start: what it is, about whom and on which accounts in one
   * upsert, then its ticket, when it has one, in a second (the order recorded histories have).
   *
   * @param subject the keyed hash of the person's email, or null for a request about no one person
   */
  public static void upsertRequest(
      String operation, String subject, List<String> vendors, String ticket) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(OPERATION.valueSet(operation));
    if (subject != null) {
      updates.add(SUBJECT.valueSet(subject));
    }
    updates.add(VENDORS.valueSet(new ArrayList<>(vendors)));
    Workflow.upsertTypedSearchAttributes(updates.toArray(new SearchAttributeUpdate<?>[0]));
    if (ticket != null) {
      Workflow.upsertTypedSearchAttributes(TICKET.valueSet(ticket));
    }
  }

  /**
   * In workflow code: the request's phase as a search attribute, and what it does now in plain
   * words for the Web UI's current-details panel.
   */
  public static void upsertPhase(String phase, String details) {
    Workflow.upsertTypedSearchAttributes(PHASE.valueSet(phase));
    Workflow.setCurrentDetails(details);
  }

  private RosterSearchAttributes() {}
}
