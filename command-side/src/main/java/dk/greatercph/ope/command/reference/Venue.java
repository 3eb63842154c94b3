package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.reference.VenueCorrectedEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A place where programme items are held. */
@Aggregate
class Venue {

    @AggregateIdentifier
    private VenueId venueId;
    private String name;
    private String address;
    private int capacity;
    private VenueKind kind;

    protected Venue() {
    }

    @CommandHandler
    Venue(RegisterVenueCommand command, Directory directory) {
        requireValid(command.name(), command.capacity());
        VenueKind kind = command.kind() == null ? VenueKind.OTHER : command.kind();
        // two "Regionsgården" under two ids: the desk could not tell them apart in the pickers, and two programmes
        // booked the same hall at the same time without a conflict (R6)
        directory.venueNamed(command.name()).ifPresent(Venue::taken);
        directory.addVenue(command.venueId(), command.name().trim(), kind);
        apply(new VenueRegisteredEvent(command.venueId(), command.name().trim(), command.address(), command.capacity(),
                kind));
    }

    @CommandHandler
    CommandResult handle(CorrectVenueCommand command, Directory directory) {
        requireValid(command.name(), command.capacity());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainProblem(InputProblem.INVALID_FIELD, "reason", "A correction states its reason.");
        }
        String name = command.name().trim();
        VenueKind kind = command.kind() == null ? VenueKind.OTHER : command.kind();
        if (name.equals(this.name) && Objects.equals(command.address(), address) && command.capacity() == capacity
                && kind == this.kind) {
            return CommandResult.done(); // nothing to correct: no event, as for a request corrected to what it was
        }
        directory.otherVenueNamed(name, venueId).ifPresent(Venue::taken);
        directory.correctVenue(venueId, name, kind);
        apply(new VenueCorrectedEvent(venueId, name, command.address(), command.capacity(), kind,
                command.reason().strip()));
        return CommandResult.done();
    }

    private static void requireValid(String name, int capacity) {
        if (name == null || name.isBlank()) {
            throw new DomainProblem(ReferenceProblem.NAME_REQUIRED, "name", "A venue has a name.");
        }
        if (capacity < 1) {
            throw new DomainProblem(ReferenceProblem.INVALID_CAPACITY, "capacity", "A venue holds at least one person.");
        }
    }

    private static void taken(String existing) {
        throw new DomainProblem(ReferenceProblem.DUPLICATE_NAME, "name",
                "is the name of the venue " + existing + " already; use it, or tell the two apart in the name.");
    }

    @EventSourcingHandler
    void on(VenueRegisteredEvent event) {
        this.venueId = event.venueId();
        this.name = event.name();
        this.address = event.address();
        this.capacity = event.capacity();
        this.kind = event.kind() == null ? VenueKind.OTHER : event.kind();
    }

    @EventSourcingHandler
    void on(VenueCorrectedEvent event) {
        this.name = event.name();
        this.address = event.address();
        this.capacity = event.capacity();
        this.kind = event.kind();
    }
}
