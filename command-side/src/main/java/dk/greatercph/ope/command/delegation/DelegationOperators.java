package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;

/**
 * Which operators were ever offered an assignment on a delegation, written in the transaction that records the
 * offer. An operator that was never offered one may do nothing with the delegation, which is refused before the
 * delegation is loaded.
 */
public interface DelegationOperators {

    /** Records that {@code operator} was offered an assignment on {@code delegation}. */
    void offered(DelegationId delegation, OperatorId operator);

    /** True if {@code operator} was ever offered an assignment on the delegation with this id. */
    boolean everOffered(String delegationId, String operatorId);
}
