package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The desk received a request for a visit. Who registered it and when are in the event's metadata and
 * timestamp, not here; {@code dateReceived} is when the request reached the desk (by e-mail, embassy, a
 * municipality…), which can be before its registration. {@code country} is the country of origin, ISO 3166-1
 * alpha-2.
 *
 * <p>Revision 2 added {@code country} and {@code dateReceived}; a revision-1 event reads as country {@code CN}
 * received on its registration date in Copenhagen (the platform's {@code DelegationRegisteredUpcaster}).
 */
@Revision("2")
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
        String businessOpportunity,
        String country,
        LocalDate dateReceived) {

    public DelegationRegisteredEvent {
        themes = List.copyOf(themes);
    }
}
