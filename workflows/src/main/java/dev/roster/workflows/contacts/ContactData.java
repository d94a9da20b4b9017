package dev.roster.workflows.contacts;

import java.util.Map;

/**
 * A contact as Roster writes it to a vendor.
 *
 * @param email the address
 * @param firstName given name, or null
 * @param lastName family name, or null
 * @param attributes further properties by Roster name; connectors map them to vendor attributes
 */
public record ContactData(
    String email, String firstName, String lastName, Map<String, String> attributes) {}
