package dk.greatercph.ope.web.schedule;

import dk.greatercph.ope.platform.time.OpeTime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A week or a month of the schedule as days, each with the entries on it in Copenhagen time: a programme item on
 * the day it starts in Copenhagen, a trip on each of its days, a trip's itinerary item on its Copenhagen day with its
 * local time beside. Entries that take part in a conflict say so in words.
 */
public record Calendar(String view, LocalDate date, LocalDate from, LocalDate to, String heading, LocalDate previous,
                       LocalDate next, List<Day> days) {

    /** One day of the calendar and what is on it. */
    public record Day(LocalDate date, String label, String weekday, boolean inPeriod, boolean today,
                      List<Entry> entries) {
    }

    /** One entry as the calendar shows it. */
    public record Entry(String type, String title, String kind, String organisation, String status, boolean allDay,
                        String startsAt, String endsAt, String localTimes, String timeZone, String city,
                        String venue, String host, String delegationId, String tripId, List<String> conflictsWith,
                        String sortKey) {

        public boolean conflict() {
            return !conflictsWith.isEmpty();
        }

        public boolean tripRelated() {
            return "TRIP".equals(type) || "TRIP_ITEM".equals(type);
        }
    }

    /** The days {@code view} ("week" or "month") shows around {@code date}: whole weeks, Monday first. */
    static Calendar of(String view, LocalDate date, LocalDate today, Locale locale) {
        LocalDate from;
        LocalDate to;
        LocalDate periodStart;
        LocalDate periodEnd;
        String heading;
        LocalDate previous;
        LocalDate next;
        if ("month".equals(view)) {
            periodStart = date.withDayOfMonth(1);
            periodEnd = date.with(TemporalAdjusters.lastDayOfMonth());
            from = periodStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = periodEnd.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            String month = periodStart.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
            heading = Character.toUpperCase(month.charAt(0)) + month.substring(1) + " " + periodStart.getYear();
            previous = periodStart.minusMonths(1);
            next = periodStart.plusMonths(1);
        } else {
            from = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusDays(6);
            periodStart = from;
            periodEnd = to;
            heading = String.valueOf(from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            previous = from.minusWeeks(1);
            next = from.plusWeeks(1);
        }
        DateTimeFormatter label = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Day(day, label.format(day), day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                    !day.isBefore(periodStart) && !day.isAfter(periodEnd), day.equals(today), new ArrayList<>()));
        }
        return new Calendar("month".equals(view) ? "month" : "week", date, from, to, heading, previous, next, days);
    }

    /** Puts the API's entries on their days, marking those in {@code conflicts} (entry key → the other titles). */
    Calendar with(List<Map<String, Object>> entries, Map<String, List<String>> conflicts, Locale locale) {
        Map<LocalDate, Day> byDate = new LinkedHashMap<>();
        days.forEach(day -> byDate.put(day.date(), day));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        for (Map<String, Object> e : entries) {
            String type = text(e.get("type"));
            if ("BOOKED".equals(type) && "CANCELLED".equals(text(e.get("status")))) {
                // another delegation's item called off books nothing: shown, the venue looked taken (the feed keeps
                // it, so that a subscribed calendar removes what it showed)
                continue;
            }
            List<String> conflictsWith = conflicts.getOrDefault(key(e), List.of());
            if (Boolean.TRUE.equals(e.get("allDay"))) {
                LocalDate start = LocalDate.parse(text(e.get("startDate")));
                LocalDate end = LocalDate.parse(text(e.get("endDate")));
                for (LocalDate day = start.isBefore(from) ? from : start; !day.isAfter(end) && !day.isAfter(to);
                     day = day.plusDays(1)) {
                    byDate.get(day).entries().add(entry(e, type, true, null, null, null, conflictsWith, "0"));
                }
                continue;
            }
            OffsetDateTime startsAt = OffsetDateTime.parse(text(e.get("startsAt")));
            OffsetDateTime endsAt = e.get("endsAt") == null ? null : OffsetDateTime.parse(text(e.get("endsAt")));
            ZonedDateTime start = startsAt.atZoneSameInstant(OpeTime.COPENHAGEN);
            ZonedDateTime end = endsAt == null ? null : endsAt.atZoneSameInstant(OpeTime.COPENHAGEN);
            String local = null;
            String zone = text(e.get("timeZone"));
            if (zone != null && !ZoneId.of(zone).equals(OpeTime.COPENHAGEN)) {
                local = time.format(startsAt.atZoneSameInstant(ZoneId.of(zone)))
                        + (endsAt == null ? "" : "–" + time.format(endsAt.atZoneSameInstant(ZoneId.of(zone))));
            }
            Day day = byDate.get(start.toLocalDate());
            if (day != null) {
                day.entries().add(entry(e, type, false, time.format(start), end == null ? null : time.format(end),
                        local, conflictsWith, "1" + start.toLocalTime()));
            }
        }
        days.forEach(day -> day.entries().sort(Comparator.comparing(Entry::sortKey)));
        return this;
    }

    /** How a conflict names an entry: its delegation (or trip) and its id, unique across the schedule. */
    static String key(Map<String, Object> entry) {
        return Objects.toString(entry.get("delegationId"), "") + "/" + Objects.toString(entry.get("tripId"), "")
                + "/" + entry.get("id");
    }

    /** The number of distinct entries in conflict that this calendar shows. */
    public long conflictCount() {
        return days.stream().flatMap(day -> day.entries().stream()).filter(Entry::conflict).count();
    }

    static Set<String> views() {
        return Set.of("week", "month");
    }

    private static Entry entry(Map<String, Object> e, String type, boolean allDay, String starts, String ends,
                               String local, List<String> conflictsWith, String sortKey) {
        return new Entry(type, text(e.get("title")), text(e.get("kind")), text(e.get("organisation")),
                text(e.get("status")), allDay, starts, ends, local, text(e.get("timeZone")), text(e.get("city")),
                name(e.get("venue")), name(e.get("host")), text(e.get("delegationId")),
                "TRIP".equals(type) ? text(e.get("id")) : text(e.get("tripId")),
                conflictsWith, sortKey + text(e.get("title")));
    }

    private static String name(Object place) {
        if (place instanceof Map<?, ?> map) {
            Object name = map.get("name");
            return name == null ? text(map.get("id")) : name.toString();
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
