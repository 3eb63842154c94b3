package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A place where programme items are held. */
@Aggregate
class Venue {

    @AggregateIdentifier
    private VenueId venueId;

    protected Venue() {
    }

    @CommandHandler
    Venue(RegisterVenueCommand command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainProblem(ReferenceProblem.NAME_REQUIRED, "name", "A venue has a name.");
        }
        if (command.capacity() < 1) {
            throw new DomainProblem(ReferenceProblem.INVALID_CAPACITY, "capacity", "A venue holds at least one person.");
        }
        VenueKind kind = command.kind() == null ? VenueKind.OTHER : command.kind();
        directory.addVenue(command.venueId(), command.name().trim(), kind);
        apply(new VenueRegisteredEvent(command.venueId(), command.name().trim(), command.address(), command.capacity(),
                kind));
    }

    @EventSourcingHandler
    void on(VenueRegisteredEvent event) {
        this.venueId = event.venueId();
    }
}
