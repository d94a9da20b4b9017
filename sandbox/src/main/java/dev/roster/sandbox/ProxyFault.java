package dev.roster.sandbox;

/**
 * What a {@link FaultProxy} may do to a request instead of relaying it faithfully. Each mimics
 * something between a client and a vendor that real deployments meet.
 */
public enum ProxyFault {
  /** 429 with {@code Retry-After} (seconds), not forwarded: a gateway's throttle that says when. */
  RATE_LIMITED_WITH_RETRY_AFTER(false),
  /** 429 with no header at all, not forwarded (Mailjet's kind). */
  RATE_LIMITED_BARE(false),
  /** 503, not forwarded. */
  UNAVAILABLE(false),
  /** The connection closed before forwarding: the vendor never saw the request. */
  RESET_BEFORE_FORWARDING(false),
  /** Forwarded, then the connection closed unanswered: the vendor did the work, nobody heard. */
  RESET_AFTER_FORWARDING(true),
  /** Forwarded after 3 to 5 seconds, then answered normally. */
  SLOW(true),
  /** A 200 with a body cut off mid-JSON, not forwarded: a 2xx without the vendor doing anything. */
  MALFORMED_2XX(false),
  /** Forwarded; a 2xx answer arrives with half its body (the vendor did the work). */
  TRUNCATED_2XX(true);

  private final boolean forwarded;

  ProxyFault(boolean forwarded) {
    this.forwarded = forwarded;
  }

  /** Whether the vendor receives the request. */
  public boolean forwarded() {
    return forwarded;
  }
}
