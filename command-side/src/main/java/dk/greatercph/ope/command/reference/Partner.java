package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A municipality, hospital, company, university or organisation that can host programme items. */
@Aggregate
class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;

    protected Partner() {
    }

    @CommandHandler
    Partner(RegisterPartnerCommand command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainProblem(ReferenceProblem.NAME_REQUIRED, "name", "A partner has a name.");
        }
        directory.partnerNamed(command.name()).ifPresent(existing -> {
            throw new DomainProblem(ReferenceProblem.DUPLICATE_NAME, "name",
                    "is the name of the partner " + existing + " already; use it, or tell the two apart in the name.");
        });
        boolean hospital = command.hospital() || command.kind() == PartnerKind.HOSPITAL;
        directory.addPartner(command.partnerId(), command.name().trim(), hospital);
        apply(new PartnerRegisteredEvent(command.partnerId(), command.name().trim(), command.kind(), hospital));
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent event) {
        this.partnerId = event.partnerId();
    }
}
