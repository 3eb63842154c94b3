package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.delegation.DelegationOperators;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;

import java.util.HashSet;
import java.util.Set;

/** Which operators were offered which delegation, for fixture tests. */
public class InMemoryDelegationOperators implements DelegationOperators {

    private final Set<String> offered = new HashSet<>();

    @Override
    public void offered(DelegationId delegation, OperatorId operator) {
        offered.add(delegation.value() + "/" + operator.value());
    }

    @Override
    public boolean everOffered(String delegationId, String operatorId) {
        return offered.contains(delegationId + "/" + operatorId);
    }
}
