package dev.roster.activities.mailjet;

import static dev.roster.activities.mailjet.MailjetClient.required;
import static dev.roster.activities.mailjet.MailjetTransport.VENDOR;

import dev.roster.activities.http.Answers;
import dev.roster.activities.http.NotFound;
import dev.roster.activities.mailjet.MailjetTransport.Reply;
import dev.roster.activities.mailjet.MailjetTypes.ContactList;
import dev.roster.activities.mailjet.MailjetTypes.ListRecipient;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Mailjet's contact lists and list memberships (vendors.md §1: {@code contactslist}, {@code
 * listrecipient}). Shares the {@link MailjetClient}'s transport and budget; obtain it with {@link
 * MailjetClient#lists()}. Thread-safe; throws the {@code dev.roster.activities.http} exceptions.
 */
public final class MailjetListsApi {
  private final MailjetTransport transport;

  MailjetListsApi(MailjetTransport transport) {
    this.transport = transport;
  }

  /** Every list. GET /v3/REST/contactslist, paged. */
  public List<ContactList> listContactLists() {
    return transport
        .all("listContactLists", rest("contactslist"), MailjetWire.ContactsList.class)
        .stream()
        .map(MailjetWire.ContactsList::toContactList)
        .toList();
  }

  /** GET /v3/REST/contactslist/{id}; empty on 404. */
  public Optional<ContactList> getContactList(long listId) {
    try {
      Reply reply =
          transport.get("getContactList", rest("contactslist").addPathSegment("" + listId));
      return Optional.ofNullable(reply.first(MailjetWire.ContactsList.class))
          .map(MailjetWire.ContactsList::toContactList);
    } catch (NotFound absent) {
      return Optional.empty();
    }
  }

  /** POST /v3/REST/contactslist. Conflict when the name is taken. */
  public ContactList createContactList(String name) {
    var body = new MailjetWire.CreateList(name);
    return required(
            "createContactList",
            transport
                .post("createContactList", rest("contactslist"), body)
                .first(MailjetWire.ContactsList.class))
        .toContactList();
  }

  /** GET /v3/REST/listrecipient?Contact=&ContactsList= (vendors.md §1: not ContactID/ListID). */
  public Optional<ListRecipient> findListRecipient(long contactId, long listId) {
    var url =
        rest("listrecipient")
            .addQueryParameter("Contact", Long.toString(contactId))
            .addQueryParameter("ContactsList", Long.toString(listId));
    return Optional.ofNullable(
            transport.get("findListRecipient", url).first(MailjetWire.ListRecipient.class))
        .map(MailjetWire.ListRecipient::toRecipient);
  }

  /** Every membership of the contact, subscribed or not. GET /v3/REST/listrecipient?Contact=. */
  public List<ListRecipient> listRecipients(long contactId) {
    var url = rest("listrecipient").addQueryParameter("Contact", Long.toString(contactId));
    return transport.all("listRecipients", url, MailjetWire.ListRecipient.class).stream()
        .map(MailjetWire.ListRecipient::toRecipient)
        .toList();
  }

  /** POST /v3/REST/listrecipient. Conflict when the membership exists; Rejected for bad ids. */
  public ListRecipient subscribe(long contactId, long listId) {
    var body = new MailjetWire.Subscribe(contactId, listId, false);
    MailjetWire.ListRecipient created =
        required(
            "subscribe",
            transport
                .post("subscribe", rest("listrecipient"), body)
                .first(MailjetWire.ListRecipient.class));
    if (created.id() == null) {
      throw Answers.unreadable(VENDOR, "subscribe", 201, "a membership without ID");
    }
    return created.toRecipient();
  }

  /** PUT /v3/REST/listrecipient/{id} {@code {"IsUnsubscribed":true}}. Idempotent. */
  public void unsubscribe(long recipientId) {
    setUnsubscribed("unsubscribe", recipientId, true);
  }

  /** PUT /v3/REST/listrecipient/{id} {@code {"IsUnsubscribed":false}}. Idempotent. */
  public void resubscribe(long recipientId) {
    setUnsubscribed("resubscribe", recipientId, false);
  }

  /** DELETE /v3/REST/listrecipient/{id} (204). NotFound when it is already gone. */
  public void removeListRecipient(long recipientId) {
    transport.delete("removeListRecipient", rest("listrecipient").addPathSegment("" + recipientId));
  }

  private void setUnsubscribed(String operation, long recipientId, boolean unsubscribed) {
    var url = rest("listrecipient").addPathSegment(Long.toString(recipientId));
    transport.put(operation, url, new MailjetWire.SetUnsubscribed(unsubscribed));
  }

  private HttpUrl.Builder rest(String segments) {
    return transport.url(MailjetClient.REST + "/" + segments);
  }
}
