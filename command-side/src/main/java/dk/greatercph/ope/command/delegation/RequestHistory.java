package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Rule R8's lookup: earlier requests by organisation and themes. */
public interface RequestHistory {

    void record(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received,
                Instant registeredAt);

    /**
     * The delegation's themes grew by an approved scope expansion (R4): a later request from the organisation on one
     * of them overlaps it as much as on the themes it was registered with.
     */
    void expanded(DelegationId delegation, List<Theme> themes);

    /** The desk corrected the request's organisation, themes or date received: R8 reads them as corrected. */
    void corrected(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received);

    /** At most this many earlier requests are named: the newest, which the desk opens first. */
    int MAX_NAMED = 25;

    /**
     * Earlier requests of the same organisation on overlapping themes received within 24 months before this one
     * (by date received; on the same day, by registration), the newest {@link #MAX_NAMED} of them in that order.
     * Naming them all made each screening event of a frequent requester longer than the last: 1,700 requests of one
     * organisation wrote 151 KB events, and the board's projection ran out of memory reading them.
     */
    List<DelegationId> repeatedBy(DelegationId delegation);
}
