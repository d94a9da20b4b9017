/**
 * Script Include "RosterWebhookRouting" (global scope).
 *
 * Which Roster event a requested item raises, from the system property
 * x_roster.catalog_items: JSON object of catalog item sys_id -> event, e.g.
 *   {"<onboarding item sys_id>":"onboard","<offboarding item sys_id>":"offboard",
 *    "<bulk import item sys_id>":"bulk_import"}
 */
var RosterWebhookRouting = Class.create();
RosterWebhookRouting.prototype = {
  initialize: function() {
    this.items = JSON.parse(gs.getProperty('x_roster.catalog_items', '{}'));
  },

  /** 'onboard' | 'offboard' | 'change' | 'bulk_import', or '' when the item is not Roster's. */
  eventFor: function(ritm) {
    var event = this.items['' + ritm.getValue('cat_item')];
    return event ? '' + event : '';
  },

  type: 'RosterWebhookRouting'
};
