package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a partner that can host programme items. */
public record RegisterPartnerCommand(@TargetAggregateIdentifier PartnerId partnerId, String name, PartnerKind kind,
                                     boolean hospital) {
}
