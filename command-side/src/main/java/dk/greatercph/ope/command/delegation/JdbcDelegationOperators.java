package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The operators ever offered an assignment on each delegation; one primary-key lookup answers whether an
 * operator may address a delegation at all. Rows are only added: a declined or withdrawn offer stays, and the
 * delegation itself refuses such an operator.
 */
@Component
class JdbcDelegationOperators implements DelegationOperators, RebuildableLookup {

    private final JdbcClient jdbc;

    JdbcDelegationOperators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void offered(DelegationId delegation, OperatorId operator) {
        jdbc.sql("""
                        INSERT INTO delegation_operator (delegation_id, operator_id) VALUES (:delegation, :operator)
                        ON CONFLICT DO NOTHING
                        """)
                .param("delegation", delegation.value()).param("operator", operator.value()).update();
    }

    @Override
    public boolean everOffered(String delegationId, String operatorId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM delegation_operator
                                       WHERE delegation_id = :delegation AND operator_id = :operator)
                        """)
                .param("delegation", delegationId).param("operator", operatorId).query(Boolean.class).single();
    }

    @Override
    public List<String> tables() {
        return List.of("delegation_operator");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM delegation_operator").update();
        return (payload, at) -> {
            if (payload instanceof AssignmentOfferedEvent offer) {
                offered(offer.delegationId(), offer.operatorId());
            }
        };
    }
}
