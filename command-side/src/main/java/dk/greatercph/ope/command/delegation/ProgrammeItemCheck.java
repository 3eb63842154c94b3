package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.reference.Directory;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.problem.DomainProblem;

import java.time.Instant;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;
import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;

/**
 * What a programme item must be before it is added or changed: titled, in order, at known places; and what rule R3
 * follows of those places.
 */
final class ProgrammeItemCheck {

    /**
     * The longest a programme item lasts. A visit's programme is days, a study stay weeks; an item ending in 2999
     * booked its venue for every delegation after it (R6).
     */
    static final java.time.Duration LONGEST_ITEM = java.time.Duration.ofDays(31);

    private ProgrammeItemCheck() {
    }

    /** Where rule R3 applies: an item hosted by a hospital partner or held at a hospital venue. */
    record Hospital(boolean host, boolean venue) {
    }

    /** Checks the item and answers whether its host and its venue are a hospital (rule R3). */
    static Hospital hospital(String title, Instant startsAt, Instant endsAt, VenueId venue, PartnerId host,
                             Directory directory) {
        requireText(title, DelegationProblem.TITLE_REQUIRED, "title", "A programme item has a title.");
        if (!endsAt.isAfter(startsAt)) {
            throw invalid(DelegationProblem.INVALID_TIME_SLOT, "endsAt", "A programme item ends after it starts.");
        }
        if (java.time.Duration.between(startsAt, endsAt).compareTo(LONGEST_ITEM) > 0) {
            throw invalid(DelegationProblem.INVALID_TIME_SLOT, "endsAt", "A programme item lasts at most "
                    + LONGEST_ITEM.toDays() + " days.");
        }
        if (!directory.hasVenue(venue)) {
            throw new DomainProblem(DelegationProblem.UNKNOWN_VENUE, "venueId", "No registered venue " + venue + ".");
        }
        boolean hospitalHost = host != null && directory.isHospital(host).orElseThrow(() ->
                new DomainProblem(DelegationProblem.UNKNOWN_HOST, "hostId", "No registered partner " + host + "."));
        return new Hospital(hospitalHost, directory.isHospitalVenue(venue));
    }
}
