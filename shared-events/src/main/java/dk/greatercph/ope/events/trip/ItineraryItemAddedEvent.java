package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

import java.time.LocalDateTime;

/**
 * A meeting or visit on a trip's itinerary, in local time at {@code city} in the time zone {@code timeZone} (an IANA
 * zone id such as {@code Asia/Shanghai}), optionally serving an operator's or a company's objective.
 *
 * <p>Revision 2 added {@code timeZone}; a revision-1 event reads as China Standard Time, {@code Asia/Shanghai} (the
 * platform's {@code ItineraryItemAddedUpcaster}): every trip until then went to China.
 */
@Revision("2")
public record ItineraryItemAddedEvent(TripId tripId, String itemId, LocalDateTime startsAt, LocalDateTime endsAt,
                                      String city, String counterpart, String description,
                                      OperatorId objectiveOperator, String objectiveCompany, String timeZone) {

    /** China Standard Time, the zone of every itinerary item recorded before items had one. */
    public static final String CHINA_STANDARD_TIME = "Asia/Shanghai";
}
