package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dk.greatercph.ope.app.support.DelegationEvents.at;
import static dk.greatercph.ope.app.support.DelegationEvents.item;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-point-entry schedule: one timeline, its double bookings and its iCalendar feed. */
@OpeIntegrationTest
class ScheduleTest {

    @LocalServerPort
    int port;

    @Autowired
    PersonalData personalData;

    @Autowired
    EventLog log;
    Api desk;
    LocalDate day;
    VenueId venue;
    PartnerId host;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
        day = randomFutureDay();
        venue = VenueId.newId();
        host = PartnerId.newId();
        log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, "Hall " + venue, "Kongens Nytorv 1", 40));
        log.append("Partner", host.value(), new PartnerRegisteredEvent(host, "Host " + host, PartnerKind.COMPANY, false));
        // The schedule shows venue and host names from another projection (reference-names): wait for them.
        until("/api/venues", v -> v.valueStream().anyMatch(e -> venue.value().equals(e.path("id").asString(null))));
        until("/api/partners", p -> p.valueStream().anyMatch(e -> host.value().equals(e.path("id").asString(null))));
    }

    @Test
    void tentativeItemsAtOneVenueAtTheSameTimeShowAsAConflictUntilOneIsRemoved() {
        DelegationId first = DelegationId.newId();
        DelegationId second = DelegationId.newId();
        log.append("Delegation", first.value(), registered(first, "Nanjing Water", day, day, Theme.GREEN_GROWTH),
                routed(first, "clean"), item(first, "A1", "Water works", at(day, 10, 0), at(day, 12, 0), venue, null),
                item(first, "A2", "Lunch with host", at(day, 12, 0), at(day, 13, 0), null, host));
        log.append("Delegation", second.value(), registered(second, "Wuxi Sensors", day, day, Theme.INVESTMENT),
                routed(second, "copcap"), item(second, "B1", "Investor pitch", at(day, 11, 0), at(day, 13, 0), venue, null),
                item(second, "B2", "Site tour", at(day, 12, 30), at(day, 14, 0), null, host));

        JsonNode conflicts = until("/api/schedule/conflicts?from=" + day + "&to=" + day, c -> c.size() == 2);

        Map<String, String> byResource = conflicts.valueStream().collect(Collectors.toMap(
                c -> c.get("resource").asString(),
                c -> c.get("first").get("id").asString() + "+" + c.get("second").get("id").asString()));
        assertThat(byResource).containsOnlyKeys("VENUE", "HOST");
        assertThat(byResource.get("VENUE")).isIn("A1+B1", "B1+A1");
        assertThat(byResource.get("HOST")).isIn("A2+B2", "B2+A2");
        JsonNode venueConflict = conflicts.valueStream().filter(c -> c.get("resource").asString().equals("VENUE"))
                .findFirst().orElseThrow();
        assertThat(venueConflict.get("booked").get("name").asString()).isEqualTo("Hall " + venue);
        assertThat(venueConflict.get("first").get("status").asString()).isEqualTo("TENTATIVE");

        log.append("Delegation", second.value(), new ProgrammeItemRemovedEvent(second, "B1"));

        JsonNode after = until("/api/schedule/conflicts?from=" + day + "&to=" + day, c -> c.size() == 1);
        assertThat(after.get(0).get("resource").asString()).isEqualTo("HOST");
        JsonNode atVenue = desk.get("/api/schedule?venue=" + venue).json();
        assertThat(atVenue.valueStream().map(e -> e.get("id").asString() + ":" + e.get("status").asString()))
                .containsExactly("A1:TENTATIVE", "B1:CANCELLED");
        assertThat(new Api(port).as("clean").get("/api/schedule/conflicts?from=" + day + "&to=" + day).status())
                .isEqualTo(200);
    }

    @Test
    void aPeriodShowsEveryItemOverlappingItIncludingOnesLongerThanItAndNoneOnlyTouchingItsEdges() {
        DelegationId delegation = DelegationId.newId();
        log.append("Delegation", delegation.value(), registered(delegation, "Edge Cases Ltd", day.minusDays(2),
                day.plusDays(2), Theme.GREEN_GROWTH), routed(delegation, "clean"),
                item(delegation, "ENDS_AT_START", "Ends as the day begins", at(day.minusDays(1), 22, 0), at(day, 0, 0), null, null),
                item(delegation, "INTO_THE_DAY", "Runs into the day", at(day.minusDays(1), 23, 0), at(day, 1, 0), null, null),
                item(delegation, "LONGER", "Spans the whole day and more", at(day.minusDays(2), 9, 0),
                        at(day.plusDays(2), 17, 0), null, null),
                item(delegation, "OUT_OF_THE_DAY", "Runs out of the day", at(day, 23, 30), at(day.plusDays(1), 0, 30), null, null),
                item(delegation, "STARTS_AT_END", "Starts as the day ends", at(day.plusDays(1), 0, 0), at(day.plusDays(1), 1, 0), null, null));
        until("/api/schedule?from=" + day.minusDays(1) + "&to=" + day.plusDays(1), s -> ids(s, delegation).size() == 5);

        assertThat(ids(desk.get("/api/schedule?from=" + day + "&to=" + day).json(), delegation))
                .containsExactlyInAnyOrder("INTO_THE_DAY", "LONGER", "OUT_OF_THE_DAY");
        assertThat(ids(desk.get("/api/schedule?from=" + day).json(), delegation))
                .containsExactlyInAnyOrder("INTO_THE_DAY", "LONGER", "OUT_OF_THE_DAY", "STARTS_AT_END");
        assertThat(ids(desk.get("/api/schedule?to=" + day.minusDays(1)).json(), delegation))
                .containsExactlyInAnyOrder("ENDS_AT_START", "INTO_THE_DAY", "LONGER");
        assertThat(ids(desk.get("/api/schedule?from=" + day.plusDays(2) + "&to=" + day.plusDays(2)).json(), delegation))
                .containsExactly("LONGER");
    }

    /**
     * Items of at most a day are found through the time index, among those starting up to a day before the period,
     * longer ones through the period index (V260): each kind must be found on either side of that bound, by the
     * whole period, by its pages and by the conflicts (a pair sharing venue and host is a conflict of each).
     */
    @Test
    void itemsOfADayOrLongerAreFoundByThePeriodItsPagesAndTheConflicts() {
        DelegationId first = DelegationId.newId();
        DelegationId second = DelegationId.newId();
        log.append("Delegation", first.value(), registered(first, "Long Days Ltd", day.minusDays(3), day,
                Theme.GREEN_GROWTH), routed(first, "clean"),
                item(first, "DAY_LONG", "A day, into the period", at(day.minusDays(1), 0, 30), at(day, 0, 30), venue, null),
                item(first, "DAY_LONG_OUT", "A day, ending as it begins", at(day.minusDays(1), 0, 0), at(day, 0, 0), null, null),
                item(first, "TWO_DAYS", "Two days, into the period", at(day.minusDays(2), 1, 0), at(day, 1, 0), null, host),
                item(first, "BOTH_TOO", "At the venue with the host", at(day, 0, 55), at(day, 1, 5), venue, host));
        log.append("Delegation", second.value(), registered(second, "Short Hours Ltd", day, day, Theme.INVESTMENT),
                routed(second, "copcap"),
                item(second, "EARLY", "At the venue", at(day, 0, 0), at(day, 0, 45), venue, null),
                item(second, "WITH_HOST", "With the host", at(day, 0, 15), at(day, 2, 0), null, host),
                item(second, "BOTH", "At the venue with the host", at(day, 0, 50), at(day, 1, 10), venue, host));
        until("/api/schedule?from=" + day.minusDays(2) + "&to=" + day, s -> ids(s, first).size() == 4);

        assertThat(ids(desk.get("/api/schedule?from=" + day + "&to=" + day).json(), first))
                .containsExactlyInAnyOrder("DAY_LONG", "TWO_DAYS", "BOTH_TOO");
        List<String> paged = new ArrayList<>();
        String page = "/api/schedule?from=" + day + "&to=" + day + "&limit=1";
        while (page != null) {
            Api.Response response = desk.get(page);
            assertThat(response.status()).isEqualTo(200);
            paged.addAll(ids(response.json(), first));
            String link = response.header("Link");
            page = link == null ? null : link.replaceFirst("^<(/api/schedule\\?[^>]*)>; rel=\"next\"$", "$1");
            assertThat(page).as(link).matches(p -> p == null || p.startsWith("/api/schedule?"));
        }
        assertThat(paged).containsExactly("TWO_DAYS", "DAY_LONG", "BOTH_TOO");

        JsonNode conflicts = until("/api/schedule/conflicts?from=" + day + "&to=" + day, c -> c.size() == 8);
        assertThat(conflicts.valueStream().map(c -> c.get("resource").asString() + ":"
                        + Stream.of(c.get("first").get("id").asString(), c.get("second").get("id").asString()).sorted()
                        .collect(Collectors.joining("+"))))
                .containsExactlyInAnyOrder("VENUE:DAY_LONG+EARLY", "HOST:TWO_DAYS+WITH_HOST", "HOST:BOTH+TWO_DAYS",
                        "HOST:BOTH_TOO+TWO_DAYS", "HOST:BOTH+WITH_HOST", "HOST:BOTH_TOO+WITH_HOST", "VENUE:BOTH+BOTH_TOO",
                        "HOST:BOTH+BOTH_TOO");
    }

    /**
     * Conflicts come in pages (at most 500 without a limit), ordered by their first item's start, each pair once
     * across the pages; an operator's pages hold only the pairs with one of its own items.
     */
    @Test
    void conflictsComeInPagesEachPairOnceInTheOrderOfTheirFirstStart() {
        DelegationId first = DelegationId.newId();
        DelegationId second = DelegationId.newId();
        log.append("Delegation", first.value(), registered(first, "Chained Halls Ltd", day, day, Theme.GREEN_GROWTH),
                routed(first, "clean"));
        log.append("Delegation", second.value(), registered(second, "Chained Rooms Ltd", day, day, Theme.INVESTMENT),
                routed(second, "copcap"));
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            // each item overlaps the next by a quarter of an hour, and no other
            DelegationId owner = k % 2 == 0 ? first : second;
            log.append("Delegation", owner.value(), item(owner, "C" + k, "Chained " + k, at(day, 9 + k / 2, k % 2 * 30),
                    at(day, 9 + (k * 30 + 45) / 60, (k * 30 + 45) % 60), venue, null));
            if (k > 0) {
                expected.add(LocalTime.of(9, 0).plusMinutes(30L * (k - 1)) + "+"
                        + LocalTime.of(9, 0).plusMinutes(30L * k));
            }
        }
        String period = "/api/schedule/conflicts?from=" + day + "&to=" + day;
        Api.Response whole = desk.getUntil(period, r -> r.status() == 200 && r.json().size() == 6, Duration.ofSeconds(10));
        assertThat(whole.header("Link")).isNull();

        for (String operator : List.of("desk", "clean")) {
            List<JsonNode> paged = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String page = period + "&limit=4";
            while (page != null) {
                Api.Response response = new Api(port).as(operator).get(page);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                response.json().valueStream().forEach(paged::add);
                sizes.add(response.json().size());
                String link = response.header("Link");
                page = link == null ? null : link.replaceFirst("^<(/api/schedule/conflicts\\?[^>]*)>; rel=\"next\"$", "$1");
                assertThat(page).as(link).matches(p -> p == null || p.startsWith("/api/schedule/conflicts?"));
            }
            assertThat(sizes).as(operator).containsExactly(4, 2);
            // an operator sees the other delegation's items as anonymous blocks: pairs are told by their starts
            assertThat(paged.stream().map(c -> Stream.of(c.get("first"), c.get("second"))
                            .map(e -> OffsetDateTime.parse(e.get("startsAt").asString()).toLocalTime().toString())
                            .sorted().collect(Collectors.joining("+"))))
                    .as(operator).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(paged.stream().map(c -> c.get("first").get("startsAt").asString())
                    .map(OffsetDateTime::parse).map(OffsetDateTime::toInstant))
                    .as(operator).isSorted();
        }
        assertThat(new Api(port).as("woco").get(period).json().size()).isZero();
    }

    /**
     * The pairs are kept beside the items (V270) and follow every change of either item: moved apart, moved back
     * with a host as well, at another venue, a third item added and removed, cancelled with its delegation (the
     * last two left out when read, V271). Each state is asked for by the day, from the day on, up to the day and
     * without a period, so each way of reading the kept pairs sees it.
     */
    @Test
    void keptConflictsFollowEveryChangeOfEitherItem() {
        DelegationId first = DelegationId.newId();
        DelegationId second = DelegationId.newId();
        log.append("Delegation", first.value(), registered(first, "Kept Pairs Ltd", day, day, Theme.GREEN_GROWTH),
                routed(first, "clean"), item(first, "K1", "Morning session", at(day, 10, 0), at(day, 12, 0), venue, host));
        log.append("Delegation", second.value(), registered(second, "Moving Items Ltd", day, day, Theme.INVESTMENT),
                routed(second, "copcap"), item(second, "K2", "Overlapping session", at(day, 11, 0), at(day, 13, 0), venue,
                        null));
        assertKeptConflicts(first, second, "VENUE:K1+K2");

        log.append("Delegation", second.value(), moved(second, at(day, 12, 0), at(day, 13, 0), venue, null));
        assertKeptConflicts(first, second);

        log.append("Delegation", second.value(), moved(second, at(day, 11, 30), at(day, 12, 30), venue, host));
        assertKeptConflicts(first, second, "HOST:K1+K2", "VENUE:K1+K2");

        log.append("Delegation", second.value(), moved(second, at(day, 11, 30), at(day, 12, 30), VenueId.newId(), host));
        assertKeptConflicts(first, second, "HOST:K1+K2");

        log.append("Delegation", second.value(), item(second, "K3", "Late lunch", at(day, 11, 45), at(day, 12, 15), venue,
                null));
        assertKeptConflicts(first, second, "HOST:K1+K2", "VENUE:K1+K3");

        log.append("Delegation", second.value(), new ProgrammeItemRemovedEvent(second, "K3"));
        assertKeptConflicts(first, second, "HOST:K1+K2");

        log.append("Delegation", first.value(), new DelegationCancelledEvent(first, "Visit called off"));
        assertKeptConflicts(first, second);
    }

    private ProgrammeItemChangedEvent moved(DelegationId id, java.time.Instant starts, java.time.Instant ends,
                                            VenueId at, PartnerId with) {
        return new ProgrammeItemChangedEvent(id, "K2", ProgrammeItemKind.MEETING, "Overlapping session", starts, ends, at,
                with, false, false);
    }

    private void assertKeptConflicts(DelegationId first, DelegationId second, String... expected) {
        List<String> delegations = List.of(first.value(), second.value());
        Predicate<JsonNode> ours = c -> delegations.contains(c.get("first").get("delegationId").asString())
                && delegations.contains(c.get("second").get("delegationId").asString());
        java.util.function.Function<JsonNode, List<String>> pairs = page -> page.valueStream().filter(ours)
                .map(c -> c.get("resource").asString() + ":" + Stream.of(c.get("first").get("id").asString(),
                        c.get("second").get("id").asString()).sorted().collect(Collectors.joining("+")))
                .sorted().toList();
        List<String> wanted = List.of(expected);
        String byDay = "/api/schedule/conflicts?from=" + day + "&to=" + day;
        // the projection catches up; then every way of asking sees the same pairs
        until(byDay, page -> pairs.apply(page).equals(wanted));
        for (String path : List.of("/api/schedule/conflicts?from=" + day, "/api/schedule/conflicts?to=" + day,
                "/api/schedule/conflicts?limit=500")) {
            List<String> seen = new ArrayList<>();
            String page = path;
            while (page != null) {
                Api.Response response = desk.get(page);
                assertThat(response.status()).as(page).isEqualTo(200);
                seen.addAll(pairs.apply(response.json()));
                String link = response.header("Link");
                page = link == null ? null
                        : link.replaceFirst("^<(/api/schedule/conflicts\\?[^>]*)>; rel=\"next\"$", "$1");
            }
            assertThat(seen.stream().sorted().toList()).as(path).isEqualTo(wanted);
        }
    }

    private static List<String> ids(JsonNode schedule, DelegationId delegation) {
        return schedule.valueStream().filter(e -> delegation.value().equals(e.path("delegationId").asString(null)))
                .map(e -> e.get("id").asString()).toList();
    }

    @Test
    void theScheduleHoldsProgrammeItemsAndTripsOnOneTimeline() {
        DelegationId delegation = DelegationId.newId();
        TripId trip = TripId.newId();
        log.append("Delegation", delegation.value(), registered(delegation, "Suzhou Hospital", day, day.plusDays(1),
                Theme.HEALTH_WELFARE_TECH), routed(delegation, "chc", "copcap"),
                item(delegation, "C1", "Ward visit", at(day, 9, 0), at(day, 10, 30), venue, host));
        log.append("Trip", trip.value(), new TripPlannedEvent(trip, day.getYear(), "Trip " + trip, List.of("Nanjing"),
                day.minusDays(1), day.plusDays(3), personalData.seal(PersonId.newId(), "Chair"), true, "Schedule test"),
                new TripApprovedEvent(trip));

        // Trips come from the trip projection, programme items from the schedule's: wait for both.
        JsonNode schedule = until("/api/schedule?from=" + day + "&to=" + day, s -> ids(s, delegation).contains("C1")
                && s.valueStream().anyMatch(e -> e.get("id").asString().equals(trip.value())
                && e.get("status").asString().equals("CONFIRMED")));
        List<JsonNode> mine = schedule.valueStream().filter(e -> e.get("id").asString().equals(trip.value())
                || delegation.value().equals(e.path("delegationId").asString(null))).toList();

        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("type").asString()).isEqualTo("TRIP");
        assertThat(mine.get(0).get("allDay").asBoolean()).isTrue();
        assertThat(mine.get(0).get("startDate").asString()).isEqualTo(day.minusDays(1).toString());
        assertThat(mine.get(1).get("type").asString()).isEqualTo("PROGRAMME_ITEM");
        assertThat(mine.get(1).get("venue").get("name").asString()).isEqualTo("Hall " + venue);
        assertThat(mine.get(1).get("host").get("name").asString()).isEqualTo("Host " + host);
        assertThat(mine.get(1).get("operators").valueStream().map(JsonNode::asString)).containsExactly("chc", "copcap");
        assertThat(desk.get("/api/schedule?operator=copcap&from=" + day + "&to=" + day).json().valueStream()
                .map(e -> e.get("id").asString())).contains("C1").doesNotContain(trip.value());
        assertThat(desk.get("/api/schedule?host=" + host).json().valueStream().map(e -> e.get("id").asString()))
                .containsExactly("C1");
        assertThat(desk.get("/api/schedule?operator=&venue=&host=&from=" + day + "&to=" + day).json().valueStream()
                .map(e -> e.get("id").asString())).as("empty filters are no filters")
                .contains("C1", trip.value());
        assertThat(desk.get("/api/schedule?from=" + day + "&to=" + day, Map.of("Operator", "cphbusiness", "Venue", "x"))
                .json().valueStream().map(e -> e.get("id").asString()))
                .as("only query parameters filter, not headers of the same names").contains("C1", trip.value());
        assertThat(desk.get("/api/schedule?from=" + day + "&to=" + day.minusDays(1)).status()).isEqualTo(400);
    }

    @Test
    void theCalendarFeedParsesKeepsUidsAndRaisesTheSequenceOnEveryChange() throws Exception {
        DelegationId delegation = DelegationId.newId();
        String itemId = "ITM-" + UUID.randomUUID();
        log.append("Delegation", delegation.value(), registered(delegation, "Yancheng Wind", day, day, Theme.GREEN_GROWTH),
                routed(delegation, "clean"),
                item(delegation, itemId, "Offshore wind briefing", at(day, 14, 0), at(day, 15, 0), venue, null),
                item(delegation, "ITM-2-" + delegation, "Reception", at(day, 18, 0), at(day, 20, 0), null, null));
        String uid = delegation + "." + itemId + "@one-point-entry";
        String feed = "/api/schedule.ics?venue=" + venue;

        VEvent tentative = event(feedUntil(feed, c -> hasEvent(c, uid)), uid);
        assertThat(value(tentative, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(tentative, Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(tentative.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("TZID=Europe/Copenhagen").contains(day.toString().replace("-", "") + "T140000");

        log.append("Delegation", delegation.value(), new ProgrammeItemChangedEvent(delegation, itemId,
                ProgrammeItemKind.MEETING, "Offshore wind briefing", at(day, 15, 0), at(day, 16, 0), venue, null, false,
                false));
        VEvent changed = event(feedUntil(feed, c -> "1".equals(value(event(c, uid), Property.SEQUENCE))), uid);
        assertThat(changed.getProperty(Property.DTSTART).orElseThrow().toString()).contains("T150000");

        log.append("Delegation", delegation.value(), new DelegationConfirmedEvent(delegation));
        VEvent confirmed = event(feedUntil(feed, c -> "2".equals(value(event(c, uid), Property.SEQUENCE))), uid);
        assertThat(value(confirmed, Property.STATUS)).isEqualTo("CONFIRMED");

        log.append("Delegation", delegation.value(), new DelegationCancelledEvent(delegation, "Flights cancelled"));
        Calendar cancelled = feedUntil("/api/schedule.ics?from=" + day + "&to=" + day,
                c -> hasEvent(c, uid) && "3".equals(value(event(c, uid), Property.SEQUENCE)));
        assertThat(value(event(cancelled, uid), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event(cancelled, delegation + ".ITM-2-" + delegation + "@one-point-entry"), Property.STATUS))
                .isEqualTo("CANCELLED");
        Component zone = cancelled.getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(value(zone, Property.TZID)).isEqualTo("Europe/Copenhagen");
        assertThat(cancelled.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    /** The hour the clocks show twice: its second instance is written in UTC, where it read as the first. */
    @Test
    void theCalendarFeedWritesTheRepeatedHoursSecondInstanceInUtc() throws Exception {
        DelegationId delegation = DelegationId.newId();
        LocalDate autumn = LocalDate.of(2027, 10, 31);
        String itemId = "ITM-" + UUID.randomUUID();
        log.append("Delegation", delegation.value(), registered(delegation, "Clock change", autumn, autumn,
                        Theme.GREEN_GROWTH), routed(delegation, "clean"),
                item(delegation, itemId, "夏令时结束".repeat(12), java.time.OffsetDateTime.parse("2027-10-31T02:30+02:00")
                        .toInstant(), java.time.OffsetDateTime.parse("2027-10-31T02:30+01:00").toInstant(), null, null));
        String uid = delegation + "." + itemId + "@one-point-entry";

        VEvent event = event(feedUntil("/api/schedule.ics?from=" + autumn + "&to=" + autumn, c -> hasEvent(c, uid)),
                uid);
        String feed = desk.get("/api/schedule.ics?from=" + autumn + "&to=" + autumn).body();
        assertThat(feed.split("\r\n")).as("lines fold at 75 octets (RFC 5545 3.1), not 75 characters")
                .allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(75));
        assertThat(value(event, Property.SUMMARY)).isEqualTo("夏令时结束".repeat(12));

        assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("TZID=Europe/Copenhagen").contains("20271031T023000");
        assertThat(event.getProperty(Property.DTEND).orElseThrow().toString().strip())
                .isEqualTo("DTEND:20271031T013000Z");
    }

    @Test
    void theCalendarFeedIsTextCalendarAndReadableByOperators() {
        Api.Response response = new Api(port).as("woco").get("/api/schedule.ics?from=" + day + "&to=" + day);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        assertThat(response.body()).startsWith("BEGIN:VCALENDAR").contains("VERSION:2.0").contains("PRODID:");
    }

    private JsonNode until(String path, Predicate<JsonNode> until) {
        Api.Response response = desk.getUntil(path, r -> r.status() == 200 && until.test(r.json()), Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(200);
        assertThat(until.test(response.json())).as("%s: %s", path, response.body()).isTrue();
        return response.json();
    }

    private Calendar feedUntil(String path, Predicate<Calendar> until) throws Exception {
        Api.Response response = desk.getUntil(path, r -> r.status() == 200 && until.test(parse(r.body())),
                Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(200);
        Calendar calendar = parse(response.body());
        assertThat(until.test(calendar)).as(response.body()).isTrue();
        return calendar;
    }

    private static Calendar parse(String body) {
        try {
            return new CalendarBuilder().build(new StringReader(body));
        } catch (Exception e) {
            throw new IllegalStateException("not a valid calendar: " + body, e);
        }
    }

    private static boolean hasEvent(Calendar calendar, String uid) {
        return event(calendar, uid) != null;
    }

    private static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> uid.equals(value(e, Property.UID))).findFirst().orElse(null);
    }

    private static String value(Component component, String property) {
        return component == null ? null : component.getProperty(property).map(Property::getValue).orElse(null);
    }
}
