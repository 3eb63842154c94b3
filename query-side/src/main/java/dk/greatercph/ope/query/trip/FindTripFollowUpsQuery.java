package dk.greatercph.ope.query.trip;

/** The follow-ups completed trips handed to one operator, newest trip first. */
public record FindTripFollowUpsQuery(String operatorId) {
}
