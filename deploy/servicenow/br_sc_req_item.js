/**
 * Business rule "Roster: requested item events"
 *   Table:     sc_req_item
 *   When:      async, Insert + Update   (async: the HTTP call never blocks the requester)
 *   Condition: new RosterWebhookRouting().eventFor(current) != '' &&
 *              (current.operation() == 'insert' || current.approval.changes())
 *   (changes() works in an async rule's condition field, not in its script.)
 *
 * Sends the item's event on creation and again whenever its approval roll-up changes; Roster
 * attaches the repeat to the same workflow (id <operation>-<number>), and an item that arrives
 * already approved can start pre-approved when Roster's policy allows.
 */
(function executeRule(current, previous /*null when async*/) {
  var event = new RosterWebhookRouting().eventFor(current);
  if (event) {
    new RosterWebhook().send(event, current, null);
  }
})(current, previous);
