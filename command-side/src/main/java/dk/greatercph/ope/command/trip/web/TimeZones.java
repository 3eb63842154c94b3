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
        // SystemV/… are the JDK's own leftovers, in no IANA release: a calendar or client would not know them
        if (!ZoneId.getAvailableZoneIds().contains(zone) || zone.startsWith("SystemV/")) {
            throw new InvalidInput(TripInputProblem.INVALID_TIME_ZONE, field,
                    "is not an IANA time zone id, e.g. Asia/Shanghai or Europe/Copenhagen");
        }
        return zone;
    }

    /**
     * A local time in {@code zone} that its clocks skip (02:30 as daylight saving time begins) does not exist: it
     * was recorded as given and shown an hour later in every view, an item of 02:30–03:30 as 03:30–03:30. A time
     * shown twice as daylight saving time ends reads as the earlier.
     */
    static void requireExists(String field, java.time.LocalDateTime local, String zone) {
        if (local != null && ZoneId.of(zone).getRules().getValidOffsets(local).isEmpty()) {
            throw new InvalidInput(dk.greatercph.ope.platform.input.InputProblem.INVALID_FIELD, field,
                    "is a time the clocks skip in " + zone + " (daylight saving time begins): it does not exist");
        }
    }

    /**
     * A time sent with an offset that the item would not keep: in the hour the clocks show twice as daylight saving
     * time ends, an item is kept as local time and read as the earlier of the two, so 02:15+01:00 was recorded as
     * 02:15+02:00, an hour earlier, and an item that ends before it starts was taken. Such a time is refused, naming
     * the offset it would be read at; the same moment sent as the earlier offset's local time, or another time, is
     * kept as sent. A time in that hour sent without an offset is refused too: which of the two was meant is unknown.
     */
    static void requireKept(String field, ItineraryTime sent, java.time.LocalDateTime local, String zone) {
        if (sent == null || local == null) {
            return;
        }
        java.util.List<java.time.ZoneOffset> offsets = ZoneId.of(zone).getRules().getValidOffsets(local);
        if (sent.offset() == null) {
            if (offsets.size() > 1) {
                // which of the two was meant cannot be told: it was taken as the earlier without a word, where a
                // programme item's time is refused the same way
                throw new InvalidInput(dk.greatercph.ope.platform.input.InputProblem.INVALID_FIELD, field,
                        "is a time the clocks show twice in " + zone + " (daylight saving time ends): give it with "
                                + "its offset, " + offsets.get(0) + " (an item keeps the earlier of the two)");
            }
            return;
        }
        if (offsets.size() > 1 && !offsets.get(0).equals(sent.local().atOffset(sent.offset())
                .atZoneSameInstant(ZoneId.of(zone)).getOffset())) {
            throw new InvalidInput(dk.greatercph.ope.platform.input.InputProblem.INVALID_FIELD, field,
                    "falls in the hour the clocks show twice in " + zone + " (daylight saving time ends), after "
                            + "they were set back: an item is kept in local time, read at " + offsets.get(0)
                            + ", so this moment cannot be kept as sent");
        }
    }
}
