package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.platform.input.InvalidInput;

import java.time.ZoneId;

/** An itinerary item's time zone: an IANA zone id the JDK knows, China Standard Time when none is given. */
final class TimeZones {

    private TimeZones() {
    }

    /** {@code zone}, checked, or {@code Asia/Shanghai} when absent. */
    static String orChina(String field, String zone) {
        if (zone == null) {
            return ItineraryItemAddedEvent.CHINA_STANDARD_TIME;
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidInput(TripInputProblem.INVALID_TIME_ZONE, field,
                    "is not an IANA time zone id, e.g. Asia/Shanghai or Europe/Copenhagen");
        }
        return zone;
    }
}
