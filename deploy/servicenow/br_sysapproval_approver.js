/**
 * Business rule "Roster: approval decisions"
 *   Table:     sysapproval_approver
 *   When:      async, Update
 *   Condition: (current.state.changesTo('approved') || current.state.changesTo('rejected')) &&
 *              current.sysapproval.sys_class_name == 'sc_req_item'
 *   (changesTo() works in an async rule's condition field, not in its script.)
 *
 * Sends an 'approval' event: the ticket fields describe the requested item, "approval" the
 * approver's row (sys_id, state, approver user_name). Roster signals the waiting workflow.
 */
(function executeRule(current, previous /*null when async*/) {
  var ritm = new GlideRecord('sc_req_item');
  if (!ritm.get(current.getValue('sysapproval'))) {
    return;
  }
  if (!new RosterWebhookRouting().eventFor(ritm)) {
    return; // not a Roster catalog item
  }
  new RosterWebhook().send('approval', ritm, current);
})(current, previous);
