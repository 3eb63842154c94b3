package dk.greatercph.ope.query.schedule;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes schedule entries as an iCalendar feed that Outlook, Google and Apple calendars subscribe to: one VEVENT
 * per entry with a UID that never changes, a SEQUENCE raised by every change, STATUS (cancelled entries stay in the
 * feed so subscribers remove them), and local times in Europe/Copenhagen defined by the feed's own VTIMEZONE; a
 * trip's itinerary item is written in its own zone (e.g. Asia/Shanghai), which the feed defines as well.
 * Each entry is written on its own: one that cannot be (a date beyond what a calendar holds, or a year without a
 * four-digit form) is left out with a warning, never the whole feed.
 */
final class ScheduleCalendar {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCalendar.class);

    static final String TZID = "Europe/Copenhagen";

    static final String UID_DOMAIN = "@one-point-entry";

    /** ical4j's zone data names this zone Europe/Berlin; a feed must define the TZID it uses. */
    private static final VTimeZone COPENHAGEN = copenhagen();

    private ScheduleCalendar() {
    }

    static String render(List<ScheduleEntryView> entries, Instant now) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Greater Copenhagen//One-Point-Entry schedule//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", "One-Point-Entry schedule"))
                .add(new XProperty("X-WR-TIMEZONE", TZID));
        calendar.add(COPENHAGEN.copy());
        Map<String, VTimeZone> zones = new TreeMap<>();
        for (ScheduleEntryView entry : entries) {
            String tzid = entry.timeZone();
            if (tzid != null && !tzid.equals(TZID) && !zones.containsKey(tzid)) {
                VTimeZone zone = zone(tzid);
                if (zone != null) {
                    zones.put(tzid, zone);
                }
            }
        }
        zones.values().forEach(calendar::add);
        for (ScheduleEntryView entry : entries) {
            try {
                calendar.add(event(entry, now, zones.keySet()));
            } catch (RuntimeException e) {
                log.warn("Left schedule entry {} {} out of the calendar feed: it cannot be written as an event ({})",
                        entry.type(), uid(entry), e.toString());
            }
        }
        return IcsText.of(calendar, false);
    }

    private static VEvent event(ScheduleEntryView entry, Instant now, Set<String> defined) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(entry)));
        event.add(new DtStamp(entry.changedAt() == null ? now : entry.changedAt()));
        if (entry.allDay()) {
            event.add(new DtStart<>(fourDigitYear(entry.startDate())));
            event.add(new DtEnd<>(fourDigitYear(entry.endDate().plusDays(1))));
        } else {
            String tzid = entry.timeZone() != null && defined.contains(entry.timeZone()) ? entry.timeZone() : TZID;
            ZoneId zone = ZoneId.of(tzid);
            ZonedDateTime start = fourDigitYear(entry.startsAt().atZoneSameInstant(zone));
            ZonedDateTime end = fourDigitYear(entry.endsAt().atZoneSameInstant(zone));
            event.add(secondOfTwice(start) ? new DtStart<>(start.toInstant())
                    : local(new DtStart<>(start.toLocalDateTime()), tzid));
            event.add(secondOfTwice(end) ? new DtEnd<>(end.toInstant())
                    : local(new DtEnd<>(end.toLocalDateTime()), tzid));
        }
        if (entry.changedAt() != null) {
            event.add(new LastModified(entry.changedAt()));
        }
        event.add(new Summary(entry.title()));
        event.add(new Sequence((int) entry.sequence()));
        event.add(switch (entry.status()) {
            case "CONFIRMED" -> new Status(Status.VALUE_CONFIRMED);
            case "CANCELLED" -> new Status(Status.VALUE_CANCELLED);
            default -> new Status(Status.VALUE_TENTATIVE);
        });
        String where = place(entry);
        if (where != null) {
            event.add(new Location(where));
        }
        event.add(new Categories(entry.type()));
        event.add(new Description(description(entry)));
        return event;
    }

    /**
     * RFC 5545 writes a year with exactly four digits; ical4j would write {@code +10000…} for a later one, which a
     * calendar client may refuse together with the whole feed. The edge accepts no such date, but an entry
     * recorded before it did (or appended past it) is left out here rather than written.
     */
    private static <T extends Temporal> T fourDigitYear(T written) {
        int year = written.get(ChronoField.YEAR);
        if (year < 0 || year > 9999) {
            throw new DateTimeException("year " + year + " has no four-digit form: " + written);
        }
        return written;
    }

    /**
     * Whether the time is the second of a local time the clocks show twice (02:30 after the autumn change). RFC 5545
     * (3.3.5) reads such a local time with its TZID as the first, so it is written in UTC instead: an item from
     * 02:30+02:00 to 02:30+01:00 was written as starting and ending at 02:30 (no length), and one at 02:15+01:00 as
     * an hour earlier.
     */
    static boolean secondOfTwice(ZonedDateTime time) {
        return !time.withEarlierOffsetAtOverlap().equals(time);
    }

    /** Stable across every change: a trip's id, or a programme item's id within its delegation's. */
    static String uid(ScheduleEntryView entry) {
        return (entry.delegationId() == null ? entry.id() : entry.delegationId() + "." + entry.id()) + UID_DOMAIN;
    }

    private static <P extends Property> P local(P property, String tzid) {
        property.add(new TzId(tzid));
        return property;
    }

    private static String place(ScheduleEntryView entry) {
        if (entry.city() != null) {
            return entry.city();
        }
        if (entry.venue() == null) {
            return null;
        }
        return entry.venue().name() == null ? entry.venue().id() : entry.venue().name();
    }

    private static String description(ScheduleEntryView entry) {
        StringBuilder text = new StringBuilder();
        if (entry.organisation() != null) {
            text.append(switch (entry.type()) {
                case "TRIP" -> "Leader: ";
                case "TRIP_ITEM" -> "Counterpart: ";
                default -> "Delegation: ";
            }).append(entry.organisation());
        }
        if (entry.tripId() != null) {
            text.append("\nTrip id: ").append(entry.tripId());
        }
        if (entry.host() != null) {
            text.append("\nHost: ").append(entry.host().name() == null ? entry.host().id() : entry.host().name());
        }
        if (!entry.operators().isEmpty()) {
            text.append("\nOperators: ").append(String.join(", ", entry.operators()));
        }
        if (entry.delegationId() != null) {
            text.append("\nDelegation id: ").append(entry.delegationId());
        }
        return text.toString();
    }

    private static VTimeZone copenhagen() {
        return zone(TZID);
    }

    /**
     * The VTIMEZONE a feed defines for {@code tzid}, under that very TZID (ical4j's zone data may name the zone by an
     * alias, as it names Europe/Copenhagen Europe/Berlin); null when ical4j does not know the zone, and an entry in
     * it is then written in Europe/Copenhagen, the same instant.
     */
    static VTimeZone zone(String tzid) {
        net.fortuna.ical4j.model.TimeZone known = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(tzid);
        if (known == null) {
            return null;
        }
        VTimeZone zone = known.getVTimeZone().copy();
        zone.replace(new net.fortuna.ical4j.model.property.TzId(tzid));
        zone.removeAll(Property.TZURL, "X-LIC-LOCATION");
        zone.add(new XProperty("X-LIC-LOCATION", tzid));
        return zone;
    }
}
