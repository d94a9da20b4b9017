package dev.roster.activities.mailersend;

import static dev.roster.activities.mailersend.MailerSendClient.VENDOR;

import com.fasterxml.jackson.databind.JavaType;
import dev.roster.activities.http.Answers;
import dev.roster.activities.http.VendorJson;

/** A 2xx answer; an empty, cut-off or malformed body is a retryable VendorUnavailable. */
record MailerSendReply(String operation, int status, String body) {

  <T> T read(JavaType type) {
    try {
      return VendorJson.MAPPER.convertValue(Answers.json(VENDOR, operation, status, body), type);
    } catch (IllegalArgumentException e) {
      // Say which type, not the body.
      throw Answers.unreadable(VENDOR, operation, status, type.getRawClass().getSimpleName());
    }
  }

  void expectEmptyOrJson() {
    Answers.emptyOrJson(VENDOR, operation, status, body);
  }
}
