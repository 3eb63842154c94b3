package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** The desk corrects the registered request: the registration's fields as they should read, and why. */
public record CorrectRequestCommand(
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
        String country,
        LocalDate dateReceived,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
