package dk.greatercph.ope.command.trip.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import dk.greatercph.ope.platform.input.DateRange;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An itinerary item's time as sent: the local time in the item's zone ({@code 2027-05-11T10:00:00}), as the pages
 * send it, or an ISO-8601 time with its offset ({@code 2027-05-11T10:00:00+08:00}, {@code …Z}), as the API's other
 * times are written, read in the item's zone. The schema said {@code date-time} and every time with an offset was
 * refused as "wrong type or format".
 *
 * @param local  the time as written, without its offset
 * @param offset the offset written with it; null for a local time
 */
@Schema(type = "string", example = "2027-05-11T10:00:00", description = """
        Local time at the destination, in the item's timeZone (2027-05-11T10:00:00); a time with an offset \
        (2027-05-11T10:00:00+08:00, 2027-05-11T02:00:00Z) is read in that zone.""",
        pattern = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?$")
record ItineraryTime(LocalDateTime local, ZoneOffset offset) {

    /**
     * Not a creator: a time is written as a string. A record's constructor is otherwise one for a JSON object, so
     * {@code "startsAt":{}} was read as a time without parts, and its command failed with a 500.
     */
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    ItineraryTime {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ItineraryTime parse(String text) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            return new ItineraryTime(at.toLocalDateTime(), at.getOffset());
        } catch (DateTimeParseException withoutOffset) {
            return new ItineraryTime(LocalDateTime.parse(text), null);
        }
    }

    /** The time as written, held to the API's date range ({@code DATE_OUT_OF_RANGE} naming {@code field}). */
    ItineraryTime inRange(String field) {
        DateRange.require(field, offset == null ? local : local.atOffset(offset));
        return this;
    }

    /** The local time in {@code zone}: as written, or the written instant as the zone's clocks show it. */
    LocalDateTime in(String zone) {
        return offset == null ? local : local.atOffset(offset).atZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
    }
}
