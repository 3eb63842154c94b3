package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Register an incoming request for a visit, from any channel: {@code country} of origin (ISO 3166-1 alpha-2) and
 * the date it reached the desk, which can be before today.
 */
public record RegisterDelegationCommand(
        @TargetAggregateIdentifier DelegationId delegationId,
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
}
