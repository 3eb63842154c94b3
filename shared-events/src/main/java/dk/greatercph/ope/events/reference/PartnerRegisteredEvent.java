package dk.greatercph.ope.events.reference;

import org.axonframework.serialization.Revision;

/**
 * A partner that can host programme items. {@code hospital} decides rule R3: an item it hosts needs a
 * cost-coverage agreement before it can be confirmed.
 */
@Revision("1")
public record PartnerRegisteredEvent(PartnerId partnerId, String name, PartnerKind kind, boolean hospital) {
}
