package dev.roster.activities.servicenow;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a requested item's catalog variables. They are not columns of {@code sc_req_item}: each is
 * an {@code sc_item_option} linked through {@code sc_item_option_mtom}, named by its {@code
 * item_option_new} definition (servicenow.md §1). Poll mode needs this; webhooks carry them.
 */
public final class CatalogVariables {
  static final String NAME = "sc_item_option.item_option_new.name";
  static final String VALUE = "sc_item_option.value";
  private static final int PAGE = 100;

  private final ServiceNowClient client;

  public CatalogVariables(ServiceNowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /** Variable name -> value of a RITM. Read-only; a few calls for items with many variables. */
  public Map<String, String> read(String ritmSysId) {
    TicketWriter.requireSysId(ritmSysId);
    Map<String, String> out = new LinkedHashMap<>();
    int offset = 0;
    while (true) {
      QueryPage page =
          client.query(
              "sc_item_option_mtom",
              "request_item=" + ritmSysId,
              List.of(NAME, VALUE),
              PAGE,
              offset);
      for (Map<String, String> row : page.records()) {
        String name = row.getOrDefault(NAME, "");
        if (!name.isEmpty()) {
          out.put(name, row.getOrDefault(VALUE, ""));
        }
      }
      if (!page.hasMore()) {
        return out;
      }
      offset += PAGE;
    }
  }
}
