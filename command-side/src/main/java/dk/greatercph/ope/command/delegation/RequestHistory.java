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
     * Earlier requests of the same organisation on overlapping themes received within 24 months before this one
     * (by date received; on the same day, by registration).
     */
    List<DelegationId> repeatedBy(DelegationId delegation);
}
