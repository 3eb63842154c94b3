package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An incoming delegation request, from registration to completion. */
@Aggregate
class Delegation {

    @AggregateIdentifier
    private DelegationId delegationId;
    private DelegationStatus status;

    protected Delegation() {
    }

    @CommandHandler
    Delegation(RegisterDelegationCommand command) {
        if (command.themes().isEmpty()) {
            throw new DomainProblem("THEMES_REQUIRED", ProblemKind.INVALID_INPUT,
                    "A delegation request names at least one theme.");
        }
        if (command.wishedTo().isBefore(command.wishedFrom())) {
            throw new DomainProblem("INVALID_DATE_WINDOW", ProblemKind.INVALID_INPUT,
                    "The wished date window ends before it starts.");
        }
        if (command.headCount() < 1) {
            throw new DomainProblem("INVALID_HEAD_COUNT", ProblemKind.INVALID_INPUT,
                    "A delegation has at least one member.");
        }
        apply(new DelegationRegisteredEvent(command.delegationId(), command.channel(),
                command.requestingOrganisation(), command.originProvince(), command.originCity(),
                command.delegationType(), command.politicalLevel(), command.headCount(), command.wishedFrom(),
                command.wishedTo(), command.themes(), command.purpose(), command.businessOpportunity()));
    }

    @EventSourcingHandler
    void on(DelegationRegisteredEvent event) {
        this.delegationId = event.delegationId();
        this.status = DelegationStatus.REQUESTED;
    }
}
