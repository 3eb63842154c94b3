package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.operator.OperatorId;

/** Something to pursue after a trip, handed to a named operator. */
public record FollowUp(OperatorId operatorId, String action) {
}
