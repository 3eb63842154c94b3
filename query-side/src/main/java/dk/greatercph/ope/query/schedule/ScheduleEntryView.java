package dk.greatercph.ope.query.schedule;

import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * One entry of the one-point-entry schedule: a delegation's programme item (times in Europe/Copenhagen), an
 * outgoing trip (all-day, from its start date to its end date) or an item of a trip's itinerary (times in its own
 * time zone, with that zone's offset).
 */
@Schema(name = "ScheduleEntry")
public record ScheduleEntryView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PROGRAMME_ITEM", "TRIP", "TRIP_ITEM", "BOOKED"},
                description = "BOOKED: another delegation's programme item as an operator sees it, anonymous; "
                        + "TRIP_ITEM: a meeting or visit on a trip's itinerary")
        String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The programme item's or the trip's id; stable.",
                example = "ITM-7") String id,
        @Schema(description = "The delegation a programme item belongs to",
                example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21") String delegationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Tele-health ward visit") String title,
        @Schema(description = "The programme item's kind", allowableValues = {"MEETING", "SITE_VISIT", "COMPANY_VISIT",
                "HOSPITAL_VISIT", "RECEPTION"}) String kind,
        @Schema(description = "The delegation's requesting organisation, the trip's leader (not shown to operators), "
                + "or a trip item's counterpart",
                example = "Jiangsu Provincial Health Commission") String organisation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A trip is an all-day entry") boolean allDay,
        @Schema(format = "date-time", description = "Start of a programme item (Europe/Copenhagen) or of a trip item "
                + "(its own time zone)", example = "2027-04-13T10:00:00+02:00") OffsetDateTime startsAt,
        @Schema(format = "date-time", description = "End of a programme item or trip item",
                example = "2027-04-13T12:00:00+02:00") OffsetDateTime endsAt,
        @Schema(format = "date", description = "First day of a trip", example = "2027-05-10") LocalDate startDate,
        @Schema(format = "date", description = "Last day of a trip (inclusive)", example = "2027-05-16") LocalDate endDate,
        Place venue,
        Place host,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Operators of the delegation (lead first), or operators travelling with the trip")
        List<String> operators,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"TENTATIVE", "CONFIRMED", "CANCELLED"},
                description = """
                        Programme items are confirmed with their delegation and tentative again when changed; removed \
                        items and items of a cancelled or declined delegation are cancelled. Trips are confirmed once \
                        approved.""")
        String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2",
                description = "Raised by every change of the entry (the iCalendar SEQUENCE)") long sequence,
        @Schema(format = "date-time", description = "When the entry last changed") Instant changedAt,
        @Schema(description = "The trip a trip item belongs to", example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e")
        String tripId,
        @Schema(description = "The city of a trip item", example = "Nanjing") String city,
        @Schema(description = "The IANA time zone of a trip item's times", example = "Asia/Shanghai")
        String timeZone) {

    /**
     * This programme item as an operator not on its delegation sees it: that a venue and host are booked, when,
     * and how firmly, under an id that is stable but names neither the delegation nor the item.
     */
    ScheduleEntryView booked() {
        return new ScheduleEntryView("BOOKED", blockId(delegationId + "." + id), null, "Booked", null, null, false,
                startsAt, endsAt, null, null, venue, host, List.of(), status, sequence, changedAt, null, null, null);
    }

    private static String blockId(String itemKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(itemKey.getBytes(StandardCharsets.UTF_8));
            return "BKD-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A venue or host by id and name. */
    @Schema(name = "SchedulePlace")
    public record Place(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VEN-1c0d7a52-77c1-4b8a-9d3e-2f4a5b6c7d8e") String id,
            @Schema(example = "Rigshospitalet, auditorium 1") String name) {
    }
}
