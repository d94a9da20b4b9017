package dev.roster.activities.listmonk;

import dev.roster.activities.http.VendorException;

/**
 * listmonk's 403 {@code "permission denied: <perm>"}: the credentials are good but the API user's
 * role lacks a permission (vendors.md §3). Not an {@code AuthFailed} (the shared StatusMapping's
 * reading of every 403): the fix is the role, not the token, and callers may work around it (the
 * {@code subscribers:sql_query} fallback). Not retryable; it reaches Temporal as Rejected.
 */
public final class ListmonkPermissionDenied extends VendorException {
  private final String permission;

  ListmonkPermissionDenied(String operation, int status, String permission, String vendorMessage) {
    super(ListmonkClient.VENDOR, operation, status, null, false, vendorMessage, null);
    this.permission = permission;
  }

  /** The missing permission, e.g. {@code subscribers:sql_query}. */
  public String permission() {
    return permission;
  }
}
