package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The desk received a request for a visit. Who registered it and when are in the event's metadata and
 * timestamp, not here.
 */
@Revision("1")
public record DelegationRegisteredEvent(
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
        String businessOpportunity) {

    public DelegationRegisteredEvent {
        themes = List.copyOf(themes);
    }
}
