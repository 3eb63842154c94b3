package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Correct a partner as registered: every field as it should stand, and why. */
public record CorrectPartnerCommand(@TargetAggregateIdentifier PartnerId partnerId, String name, PartnerKind kind,
                                    boolean hospital, String reason, @TargetAggregateVersion Long expectedVersion) {
}
