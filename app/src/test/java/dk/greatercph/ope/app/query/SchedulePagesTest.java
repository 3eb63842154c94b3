package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dk.greatercph.ope.app.support.DelegationEvents.at;
import static dk.greatercph.ope.app.support.DelegationEvents.item;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule in pages: {@code ?limit=} and the {@code Link} header's next page walk the same timeline as the whole
 * answer, each entry once, whatever starts at the same time; an operator's cursor names nothing it was not shown.
 */
@OpeIntegrationTest
class SchedulePagesTest {

    private static final Pattern NEXT = Pattern.compile("^<(/api/schedule\\?[^>]*)>; rel=\"next\"$");

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Autowired
    PersonalData personalData;

    Api desk;
    LocalDate day;
    List<DelegationId> delegations;
    TripId trip;

    /**
     * Seven programme items of three delegations on one day, three of them at 10:00, two at 11:00 and two at
     * 14:00, and one begun the evening before, still running at midnight; a trip over the day and an item of its
     * itinerary starting at 10:00 Copenhagen time as well.
     */
    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
        day = randomFutureDay();
        VenueId venue = VenueId.newId();
        log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, "Hall " + venue, "Kongens Nytorv 1", 40));
        delegations = List.of(DelegationId.newId(), DelegationId.newId(), DelegationId.newId());
        int[][] hours = {{10, 14}, {10, 11}, {10, 11, 14}};
        for (int d = 0; d < delegations.size(); d++) {
            DelegationId id = delegations.get(d);
            List<Object> events = new ArrayList<>(List.of(registered(id, "Pages " + d, day, day, Theme.GREEN_GROWTH),
                    routed(id, "chc")));
            for (int hour : hours[d]) {
                events.add(item(id, "ITM-" + hour, "Meeting at " + hour, at(day, hour, 0), at(day, hour + 1, 0),
                        venue, null));
            }
            if (d == 0) {
                events.add(item(id, "ITM-EVE", "Dinner", at(day.minusDays(1), 22, 0), at(day, 1, 0), venue, null));
            }
            log.append("Delegation", id.value(), events.toArray());
        }
        trip = TripId.newId();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        log.append("Trip", trip.value(), new TripPlannedEvent(trip, day.getYear(), "Trip " + trip, List.of("Nanjing"),
                day.minusDays(1), day.plusDays(1), personalData.seal(PersonId.newId(), "Chair"), true, "Pages test"),
                new ItineraryItemAddedEvent(trip, "IT-1", at(day, 10, 0).atZone(shanghai).toLocalDateTime(),
                        at(day, 11, 0).atZone(shanghai).toLocalDateTime(), "Nanjing", "Jiangsu Province", "Talks",
                        null, null, "Asia/Shanghai"));
        desk.getUntil(whole(), r -> r.status() == 200 && mine(r.json()).size() == 10, Duration.ofSeconds(10));
    }

    @Test
    void pagesFollowTheLinkThroughEveryEntryOnceInTheWholeAnswersOrder() {
        // Other tests' trips may span this day too: the pages must walk whatever the whole answer holds.
        List<String> whole = keys(desk.get(whole()).json());
        assertThat(mine(desk.get(whole()).json())).hasSize(10);
        assertThat(whole).doesNotHaveDuplicates();
        List<OffsetDateTime> starts = desk.get(whole()).json().valueStream().map(SchedulePagesTest::start).toList();
        assertThat(starts).isSortedAccordingTo((a, b) -> a.toInstant().compareTo(b.toInstant()));

        for (int limit : new int[] {1, 2, 3, 4, 9, 10, 11}) {
            List<Integer> sizes = new ArrayList<>();
            List<String> walked = new ArrayList<>();
            String page = whole() + "&limit=" + limit;
            while (page != null) {
                Api.Response response = desk.get(page);
                assertThat(response.status()).isEqualTo(200);
                sizes.add(response.json().size());
                walked.addAll(keys(response.json()));
                page = next(response);
                assertThat(sizes).as("pages of %d", limit).hasSizeLessThanOrEqualTo(whole.size());
            }
            assertThat(walked).as("pages of %d", limit).isEqualTo(whole);
            assertThat(sizes.subList(0, sizes.size() - 1)).as("pages of %d", limit).allMatch(size -> size == limit);
            assertThat(sizes.get(sizes.size() - 1)).as("the last page of %d", limit).isBetween(1, limit);
        }
    }

    @Test
    void theNextPageKeepsTheFiltersAndOnlyTheCursorChanges() {
        Api.Response first = desk.get(whole() + "&limit=4");
        Matcher link = NEXT.matcher(first.header("Link"));
        assertThat(link.matches()).as(first.header("Link")).isTrue();
        assertThat(link.group(1)).startsWith("/api/schedule?from=" + day + "&to=" + day + "&limit=4&after=");
        Api.Response again = desk.get(link.group(1).replace("limit=4", "limit=2"));
        assertThat(keys(again.json())).isEqualTo(keys(desk.get(whole()).json()).subList(4, 6));
        assertThat(keys(desk.get(whole() + "&after=" + cursor(link.group(1))).json()))
                .as("a cursor without a limit pages by 50").isEqualTo(keys(desk.get(whole()).json()).subList(4, desk.get(whole()).json().size()));
        assertThat(desk.get(whole()).header("Link")).as("the whole answer is not paged").isNull();
    }

    @Test
    void anOperatorsCursorNamesNothingItsPageDidNotShow() {
        Api woco = new Api(port).as("woco");
        List<String> whole = keys(woco.get(whole()).json());
        assertThat(whole.stream().filter(key -> key.startsWith("BOOKED:")))
                .as("another operator's items, as anonymous blocks").hasSizeGreaterThanOrEqualTo(8);
        assertThat(whole).as("nothing of this test's delegations but blocks")
                .noneMatch(key -> delegations.stream().anyMatch(d -> key.contains(d.value())));

        List<String> walked = new ArrayList<>();
        String page = whole() + "&limit=1";
        while (page != null) {
            Api.Response response = woco.get(page);
            walked.addAll(keys(response.json()));
            page = next(response);
            if (page != null) {
                String cursor = new String(Base64.getUrlDecoder().decode(cursor(page)), StandardCharsets.UTF_8);
                assertThat(cursor).doesNotContain("DEL-").doesNotContain("ITM-");
                delegations.forEach(d -> assertThat(cursor).doesNotContain(d.value()));
            }
        }
        assertThat(walked).isEqualTo(whole);
    }

    @Test
    void aPageSizeOutOfRangeOrACursorNotIssuedHereIsRefused() {
        assertThat(desk.get(whole() + "&limit=0").status()).isEqualTo(400);
        assertThat(desk.get(whole() + "&limit=501").status()).isEqualTo(400);
        assertThat(desk.get(whole() + "&limit=500").status()).isEqualTo(200);
        for (String forged : List.of("not-a-cursor", encode("schedule:yesterday|BKD-1"), encode("schedule:"),
                encode("schedule:2100-01-01T00:00:00Z"), encode("schedule:2100-01-01T00:00:00Z|"),
                encode("schedule:3100-01-01T00:00:00Z|BKD-1"), encode("escalation:2100-01-01T00:00:00Z|a|b"))) {
            Api.Response refused = desk.get(whole() + "&limit=2&after=" + forged);
            assertThat(refused.status()).as(forged).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).as(forged).isEqualTo("INVALID_CURSOR");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(forged).isEqualTo("after");
        }
    }

    private String whole() {
        return "/api/schedule?from=" + day + "&to=" + day;
    }

    private static String next(Api.Response response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertThat(next.matches()).as(link).isTrue();
        return next.group(1);
    }

    private static String cursor(String page) {
        return page.substring(page.indexOf("after=") + "after=".length());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> keys(JsonNode entries) {
        return entries.valueStream().map(e -> e.get("type").asString() + ":" + e.path("delegationId").asString("")
                + e.path("tripId").asString("") + ":" + e.get("id").asString()).toList();
    }

    /** The entries this test recorded: its delegations' items, its trip and the trip's item. */
    private List<JsonNode> mine(JsonNode entries) {
        return entries.valueStream().filter(e -> trip.value().equals(e.get("id").asString())
                || trip.value().equals(e.path("tripId").asString(null))
                || delegations.stream().anyMatch(d -> d.value().equals(e.path("delegationId").asString(null))))
                .toList();
    }

    private static OffsetDateTime start(JsonNode entry) {
        return entry.get("allDay").asBoolean()
                ? LocalDate.parse(entry.get("startDate").asString()).atStartOfDay(ZoneId.of("Europe/Copenhagen"))
                        .toOffsetDateTime()
                : OffsetDateTime.parse(entry.get("startsAt").asString());
    }
}
