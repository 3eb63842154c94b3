package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The trip took place; its report: outcomes, agreements signed and follow-ups handed to operators. */
@Revision("1")
public record TripCompletedEvent(TripId tripId, String outcomes, List<String> agreementsSigned,
                                 List<FollowUp> followUps) {

    public TripCompletedEvent {
        agreementsSigned = List.copyOf(agreementsSigned);
        followUps = List.copyOf(followUps);
    }
}
