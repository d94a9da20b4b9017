/**
 * Script Include "RosterWebhook" (global scope, not client callable).
 *
 * Builds Roster's event JSON for a requested item, signs it (scheme v1) and POSTs it through the
 * outbound REST message "Roster Webhook" (rest_message.json). Called by the two async business
 * rules in this directory. Must stay byte-for-byte in step with
 * starter/.../servicenow/WebhookAuthenticator.java (BusinessRuleSigningTest re-implements it).
 *
 * Signing scheme v1:
 *   key       = the text of system property x_roster.webhook.secret: standard base64 of >= 32
 *               random bytes. generateMac() base64-decodes it, so the HMAC key is the raw bytes.
 *   timestamp = Unix seconds, decimal digits
 *   data      = timestamp + "." + body        (body is pure ASCII: see asciiJson)
 *   header X-Roster-Timestamp: timestamp
 *   header X-Roster-Signature: "v1=" + CertificateEncryption.generateMac(key, "HmacSHA256", data)
 *                              (generateMac returns standard, padded base64)
 */
var RosterWebhook = Class.create();

RosterWebhook.MAX_ATTEMPTS = 3;

RosterWebhook.prototype = {
  initialize: function() {},

  /**
   * Sends one event.
   * @param event      'onboard' | 'offboard' | 'change' | 'bulk_import' | 'approval'
   * @param ritm       GlideRecord of sc_req_item
   * @param approvalGr GlideRecord of sysapproval_approver for 'approval' events, else null
   */
  send: function(event, ritm, approvalGr) {
    var body = RosterWebhook.asciiJson(this.payload(event, ritm, approvalGr));
    // No built-in retry for RESTMessageV2: try a few times, re-signing each attempt so the
    // timestamp stays fresh. Missed events are caught by Roster's poll mode, if enabled.
    for (var attempt = 1; attempt <= RosterWebhook.MAX_ATTEMPTS; attempt++) {
      var status = this.post(body);
      if (status >= 200 && status < 300) {
        return true;
      }
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        gs.error('Roster webhook refused: status=' + status + ' number=' + ritm.getValue('number'));
        return false;
      }
      if (attempt < RosterWebhook.MAX_ATTEMPTS) {
        gs.sleep(2000 * attempt);
      }
    }
    gs.warn('Roster webhook gave up: number=' + ritm.getValue('number'));
    return false;
  },

  payload: function(event, ritm, approvalGr) {
    var variables = {};
    for (var name in ritm.variables) {
      // Every value as a string: list collectors give comma-separated sys_ids.
      variables[name] = '' + ritm.variables[name];
    }
    var approval = { state: '' + ritm.getValue('approval') };
    if (approvalGr) {
      approval = {
        state: '' + approvalGr.getValue('state'),
        approver: '' + approvalGr.approver.user_name,
        sys_id: '' + approvalGr.getUniqueValue()
      };
    }
    return {
      event: event,
      table: '' + ritm.getTableName(),
      sys_id: '' + ritm.getUniqueValue(),
      number: '' + ritm.getValue('number'),
      sys_updated_on: '' + ritm.getValue('sys_updated_on'),
      variables: variables,
      requested_by: '' + ritm.opened_by.user_name,
      approval: approval
    };
  },

  /** One signed POST; returns the HTTP status (0 when no response arrived). */
  post: function(body) {
    var key = gs.getProperty('x_roster.webhook.secret');
    var timestamp = '' + Math.floor(new GlideDateTime().getNumericValue() / 1000);
    var mac = new CertificateEncryption().generateMac(key, 'HmacSHA256', timestamp + '.' + body);
    var request = new sn_ws.RESTMessageV2('Roster Webhook', 'post');
    request.setEndpoint(gs.getProperty('x_roster.webhook.url'));
    request.setRequestHeader('Content-Type', 'application/json; charset=utf-8');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-Roster-Timestamp', timestamp);
    request.setRequestHeader('X-Roster-Signature', 'v1=' + mac);
    request.setHttpTimeout(10000);
    request.setRequestBody(body);
    try {
      return request.execute().getStatusCode();
    } catch (e) {
      return 0;
    }
  },

  type: 'RosterWebhook'
};

/**
 * JSON.stringify, then every character above 0x7E as a \\uXXXX escape (lower-case hex), so the
 * signed text and the bytes on the wire are the same whatever charset the HTTP layer applies.
 */
RosterWebhook.asciiJson = function(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function(c) {
    return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
};
