package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The desk corrected what it had registered about the request: every field of the registration but its business
 * opportunity (which {@link BusinessOpportunityStatedEvent} replaces), as the request now reads, with the desk's
 * reason. What the registration said stays in its own event.
 *
 * <p>{@code screeningReset} is true when the correction changed what R8's screening read (the organisation, the themes
 * or the date received) of a screened delegation that was not routed yet: the delegation is back to {@code REQUESTED}
 * and is screened again.
 */
@Revision("1")
public record RequestCorrectedEvent(
        DelegationId delegationId,
        Channel channel,
        String requestingOrganisation,
        String originProvince,
        String originCity,
        DelegationType delegationType,
        PoliticalLevel politicalLevel,
        int headCount,
        LocalDate wishedFrom,
        LocalDate wishedTo,
        List<Theme> themes,
        String purpose,
        String country,
        LocalDate dateReceived,
        String reason,
        boolean screeningReset) {

    public RequestCorrectedEvent {
        themes = List.copyOf(themes);
    }
}
