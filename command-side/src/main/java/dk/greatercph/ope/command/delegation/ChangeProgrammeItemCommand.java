package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

public record ChangeProgrammeItemCommand(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                         ProgrammeItemKind kind, String title, Instant startsAt, Instant endsAt,
                                         VenueId venueId, PartnerId hostId,
                                         @TargetAggregateVersion Long expectedVersion) implements ProgrammeItemChange {
}
