package dev.roster.workflows.conventions;

import io.temporal.common.SearchAttributeKey;
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

  private RosterSearchAttributes() {}
}
