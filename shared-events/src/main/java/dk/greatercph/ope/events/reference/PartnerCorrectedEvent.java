package dk.greatercph.ope.events.reference;

import org.axonframework.serialization.Revision;

/**
 * The desk corrected a partner as registered (a misspelt name, a wrong kind, whether it hosts as a hospital), with
 * its reason: every field as it now stands. {@code hospital} decides rule R3 for items added or changed after it (an
 * item keeps what was known when it was recorded).
 */
@Revision("1")
public record PartnerCorrectedEvent(PartnerId partnerId, String name, PartnerKind kind, boolean hospital,
                                    String reason) {
}
