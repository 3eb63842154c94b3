package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.reference.PartnerCorrectedEvent;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.platform.input.InputProblem;
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
    private String name;
    private PartnerKind kind;
    private boolean hospital;

    protected Partner() {
    }

    @CommandHandler
    Partner(RegisterPartnerCommand command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainProblem(ReferenceProblem.NAME_REQUIRED, "name", "A partner has a name.");
        }
        directory.partnerNamed(command.name()).ifPresent(Partner::taken);
        boolean hospital = command.hospital() || command.kind() == PartnerKind.HOSPITAL;
        directory.addPartner(command.partnerId(), command.name().trim(), hospital);
        apply(new PartnerRegisteredEvent(command.partnerId(), command.name().trim(), command.kind(), hospital));
    }

    @CommandHandler
    CommandResult handle(CorrectPartnerCommand command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainProblem(ReferenceProblem.NAME_REQUIRED, "name", "A partner has a name.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainProblem(InputProblem.INVALID_FIELD, "reason", "A correction states its reason.");
        }
        String name = command.name().trim();
        boolean hospital = command.hospital() || command.kind() == PartnerKind.HOSPITAL;
        if (name.equals(this.name) && command.kind() == kind && hospital == this.hospital) {
            return CommandResult.done(); // nothing to correct: no event
        }
        directory.otherPartnerNamed(name, partnerId).ifPresent(Partner::taken);
        directory.correctPartner(partnerId, name, hospital);
        apply(new PartnerCorrectedEvent(partnerId, name, command.kind(), hospital, command.reason().strip()));
        return CommandResult.done();
    }

    private static void taken(String existing) {
        throw new DomainProblem(ReferenceProblem.DUPLICATE_NAME, "name",
                "is the name of the partner " + existing + " already; use it, or tell the two apart in the name.");
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent event) {
        this.partnerId = event.partnerId();
        this.name = event.name();
        this.kind = event.kind();
        this.hospital = event.hospital();
    }

    @EventSourcingHandler
    void on(PartnerCorrectedEvent event) {
        this.name = event.name();
        this.kind = event.kind();
        this.hospital = event.hospital();
    }
}
