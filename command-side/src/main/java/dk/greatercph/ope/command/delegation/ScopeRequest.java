package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.List;
import java.util.Objects;

import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request to widen a routed delegation's themes (rule R4), open until approved or rejected. It receives only
 * the commands and events that name its request id, commands once the delegation has found it open. The delegation
 * approves it, as approval offers assignments; the request rejects itself.
 */
class ScopeRequest {

    @EntityId
    private final String requestId;
    private List<Theme> themes;
    private boolean open;

    ScopeRequest(String requestId, List<Theme> themes) {
        this.requestId = requestId;
        this.themes = themes;
        this.open = true;
    }

    String requestId() {
        return requestId;
    }

    List<Theme> themes() {
        return themes;
    }

    boolean isOpen() {
        return open;
    }

    void requireOpen() {
        if (!open) {
            throw new DomainProblem(DelegationProblem.SCOPE_REQUEST_CLOSED, "That scope request was already decided.");
        }
    }

    @CommandHandler
    CommandResult handle(RejectScopeExpansionCommand command) {
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A rejection states its reason.");
        apply(new ScopeExpansionRejectedEvent(command.delegationId(), requestId, command.reason().trim()));
        return CommandResult.done();
    }

    @EventSourcingHandler
    void on(ScopeExpansionApprovedEvent event) {
        themes = event.themes();
        open = false;
    }

    @EventSourcingHandler
    void on(ScopeExpansionRejectedEvent event) {
        open = false;
    }

    /** Equal in every field, so that the test fixture can compare the state a command left with the sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScopeRequest other && requestId.equals(other.requestId)
                && Objects.equals(themes, other.themes) && open == other.open;
    }

    @Override
    public int hashCode() {
        return requestId.hashCode();
    }
}
