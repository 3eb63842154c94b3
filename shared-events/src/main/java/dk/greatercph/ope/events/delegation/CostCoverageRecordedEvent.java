package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** R3: who pays for a (hospital-hosted) programme item, on what basis and how much. */
@Revision("1")
public record CostCoverageRecordedEvent(
        DelegationId delegationId,
        String itemId,
        String payer,
        String basis,
        BigDecimal amount,
        String currency) {
}
