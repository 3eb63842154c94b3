package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationMemberRemovedEvent;
import org.axonframework.modelling.command.EntityId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the visiting delegation. The personal data stays sealed in the event that added the member; the
 * aggregate keeps only the member id.
 */
class Member {

    @EntityId
    private final String memberId;

    Member(String memberId) {
        this.memberId = memberId;
    }

    void remove(DelegationId delegation) {
        apply(new DelegationMemberRemovedEvent(delegation, memberId));
    }

    /** Equal by id, so that the test fixture can compare the state a command left with the sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Member other && memberId.equals(other.memberId);
    }

    @Override
    public int hashCode() {
        return memberId.hashCode();
    }
}
