package dev.roster.activities.spi;

import dev.roster.activities.http.EmailMask;
import dev.roster.activities.http.VendorException;
import dev.roster.workflows.team.InviteOutcome;
import dev.roster.workflows.team.MemberStatus;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent invitation {@link TeamConnector#invite} promises, for vendors whose invitations
 * the person accepts (each vendor's team side says whether it uses this): look the person up first
 * and report ALREADY_ACTIVE or ALREADY_PENDING instead of inviting twice; otherwise send. When the
 * vendor refuses the send in a way that may mean a concurrent or earlier attempt invited them after
 * our look ("already exists", "has already been taken"), look again: the listing, not the message
 * text, decides.
 */
public final class InviteOnce {
  private static final Logger log = LoggerFactory.getLogger(InviteOnce.class);

  /**
   * @param vendor for log lines, e.g. {@code brevo}
   * @param email the trimmed address
   * @param memberStatus where the person stands now; one listing
   * @param send sends the invitation (and logs it); throws the VendorException hierarchy
   * @param mayHaveRaced which refusals of {@code send} are worth a second look
   * @return INVITED, or ALREADY_ACTIVE / ALREADY_PENDING when the person was there already
   */
  public static InviteOutcome invite(
      String vendor,
      String email,
      Function<String, MemberStatus> memberStatus,
      Runnable send,
      Predicate<VendorException> mayHaveRaced) {
    Optional<InviteOutcome> existing = existing(memberStatus.apply(email));
    if (existing.isPresent()) {
      log.info(
          "{} invite skipped email={} outcome={}", vendor, EmailMask.mask(email), existing.get());
      return existing.get();
    }
    try {
      send.run();
    } catch (VendorException e) {
      if (!mayHaveRaced.test(e)) {
        throw e;
      }
      Optional<InviteOutcome> raced = existing(memberStatus.apply(email));
      if (raced.isEmpty()) {
        throw e;
      }
      log.info("{} invite raced email={} outcome={}", vendor, EmailMask.mask(email), raced.get());
      return raced.get();
    }
    return InviteOutcome.INVITED;
  }

  private static Optional<InviteOutcome> existing(MemberStatus status) {
    return switch (status) {
      case ACTIVE -> Optional.of(InviteOutcome.ALREADY_ACTIVE);
      case PENDING -> Optional.of(InviteOutcome.ALREADY_PENDING);
      case ABSENT -> Optional.empty();
    };
  }

  private InviteOnce() {}
}
