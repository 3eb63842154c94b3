package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists whose answer is an array page like the others (API.md: "Lists page with ?limit= (capped) and an opaque
 * ?after= cursor"): walked in small pages through their Link headers, they give what one answer gives, each entry
 * once; a page size beyond the cap and a cursor that is not theirs are refused naming the parameter.
 */
@OpeIntegrationTest
class ListPagingTest {

    private static final Pattern NEXT = Pattern.compile("^<(/api/[^>]*)>; rel=\"next\"$");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Test
    void venuesPartnersOperatorsTripsAndPersonalDataReadsPageThroughTheirLinks() {
        Api desk = new Api(port).as("desk");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // names differing in case only around a page boundary: the order ignores case, then goes by id. Such names
        // are refused now (DUPLICATE_NAME); registered before that, they are in the log as these
        List<String> venues = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        for (String name : List.of("paged hall " + suffix, "Paged hall " + suffix, "PAGED HALL " + suffix)) {
            VenueId venue = VenueId.newId();
            log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, name, null, 4));
            venues.add(venue.value());
            PartnerId partner = PartnerId.newId();
            log.append("Partner", partner.value(), new PartnerRegisteredEvent(partner, name, PartnerKind.COMPANY, false));
            partners.add(partner.value());
        }
        for (int i = 0; i < 3; i++) {
            assertThat(desk.post("/api/operators", "{\"code\":\"pg%d-%s\",\"name\":\"Paged %d %s\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}"
                    .formatted(i, suffix, i, suffix)).status()).isEqualTo(201);
        }
        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        for (int i = 0; i < 3; i++) {
            Api.Response trip = desk.post("/api/trips", TripPlan.of(year).titled("Paged trip " + i + " " + suffix)
                    .dates(year + "-06-1" + i, year + "-06-2" + i).extraordinary("Paged").json());
            assertThat(trip.status()).as(trip.body()).isEqualTo(201);
        }
        desk.getUntil("/api/venues", r -> venues.stream().allMatch(r.body()::contains), WAIT);
        desk.getUntil("/api/partners", r -> partners.stream().allMatch(r.body()::contains), WAIT);
        desk.getUntil("/api/operators", r -> r.body().contains("pg2-" + suffix), WAIT);
        desk.getUntil("/api/trips?year=" + year, r -> r.body().contains("Paged trip 2 " + suffix), WAIT);

        for (String list : List.of("/api/venues", "/api/partners", "/api/operators", "/api/trips?year=" + year)) {
            List<String> whole = ids(desk.get(list));
            assertThat(whole).as(list).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
            List<String> walked = walk(desk, list + (list.contains("?") ? "&" : "?") + "limit=2", Integer.MAX_VALUE);
            assertThat(walked).as(list + " in pages of 2").isEqualTo(whole);
        }
        List<String> shown = ids(desk.get("/api/venues"));
        assertThat(shown.stream().filter(venues::contains).toList()).as("same name but for case: by id")
                .isEqualTo(venues.stream().sorted().toList());

        Api auditor = new Api(port).as("auditor");
        for (int i = 0; i < 3; i++) {
            auditor.get("/api/trips?year=" + year);
        }
        String reads = "/api/audit/personal-data-reads?actor=auditor";
        List<String> newest = ids(auditor.get(reads + "&limit=5"));
        assertThat(walk(auditor, reads + "&limit=2", 5)).isEqualTo(newest);
    }

    @Test
    void venuesAndPartnersFollowTheDanishAlphabetAcrossPages() {
        Api desk = new Api(port).as("desk");
        String tag = "Alfabet " + UUID.randomUUID().toString().substring(0, 8) + " ";
        // Å (U+00C5) comes before Æ and Ø by code point, and was listed so
        List<String> inOrder = List.of("Zealand", "æble", "Ørsted", "Ålholm");
        List<String> venues = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        for (String name : List.of("Ålholm", "Ørsted", "Zealand", "æble")) {
            VenueId venue = VenueId.newId();
            log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, tag + name, null, 4));
            venues.add(venue.value());
            PartnerId partner = PartnerId.newId();
            log.append("Partner", partner.value(), new PartnerRegisteredEvent(partner, tag + name, PartnerKind.COMPANY,
                    false));
            partners.add(partner.value());
        }
        desk.getUntil("/api/venues/" + venues.get(3), r -> r.status() == 200, WAIT);
        desk.getUntil("/api/partners/" + partners.get(3), r -> r.status() == 200, WAIT);
        for (String list : List.of("/api/venues", "/api/partners")) {
            List<String> ours = list.equals("/api/venues") ? venues : partners;
            List<String> walked = walk(desk, list + "?limit=2", Integer.MAX_VALUE).stream().filter(ours::contains)
                    .toList();
            List<String> names = walked.stream().map(id -> desk.get(list + "/" + id).json().get("name").asString()
                    .substring(tag.length())).toList();
            assertThat(names).as(list + " in pages of 2").isEqualTo(inOrder);
        }
    }

    @Test
    void aPageSizeBeyondTheCapOrAnotherListsCursorIsRefusedNamingTheParameter() {
        Api desk = new Api(port).as("desk");
        for (String list : List.of("/api/venues", "/api/partners", "/api/operators", "/api/trips")) {
            Api.Response tooMany = desk.get(list + "?limit=100000");
            assertThat(tooMany.status()).as(list).isEqualTo(400);
            assertThat(tooMany.body()).as(list).contains("limit");
            Api.Response none = desk.get(list + "?limit=0");
            assertThat(none.status()).as(list).isEqualTo(400);
            String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString("board:x|y".getBytes());
            Api.Response cursor = desk.get(list + "?after=" + foreign);
            assertThat(cursor.status()).as(list).isEqualTo(400);
            assertThat(cursor.json().get("code").asString()).as(list).isEqualTo("INVALID_CURSOR");
            assertThat(cursor.body()).as(list).contains("after");
            // a position with a NUL in it reached PostgreSQL and was answered 500
            String prefix = list.substring("/api/".length()) + ":";
            String nul = Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + "X-1\u0000|2027-05-10|a")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Api.Response zero = desk.get(list + "?after=" + nul);
            assertThat(zero.status()).as(list + " " + zero.body()).isEqualTo(400);
            assertThat(zero.json().get("code").asString()).as(list).isEqualTo("INVALID_CURSOR");
        }
        // Java's number parsing reads any script's digits: "board:\u0665" was position 5
        String arabic = Base64.getUrlEncoder().withoutPadding().encodeToString("board:\u0665"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response board = desk.get("/api/delegations?after=" + arabic);
        assertThat(board.status()).as(board.body()).isEqualTo(400);
        assertThat(board.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
        Api.Response reads = new Api(port).as("auditor").get("/api/audit/personal-data-reads?after=not-a-cursor");
        assertThat(reads.status()).isEqualTo(400);
        assertThat(reads.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    /** The ids of at most {@code most} entries, following the Link headers from {@code first} on. */
    private static List<String> walk(Api api, String first, int most) {
        List<String> ids = new ArrayList<>();
        String page = first;
        for (int pages = 0; page != null && ids.size() < most; pages++) {
            assertThat(pages).as("pages of " + first).isLessThan(10_000);
            Api.Response answer = api.get(page);
            List<String> some = ids(answer);
            assertThat(some).as(page).hasSizeLessThanOrEqualTo(2);
            ids.addAll(some);
            String link = answer.header("Link");
            if (link == null) {
                page = null;
            } else {
                Matcher next = NEXT.matcher(link);
                assertThat(next.matches()).as(link).isTrue();
                assertThat(some).as("a page linking another is full").hasSize(2);
                page = next.group(1);
            }
        }
        return ids.size() > most ? ids.subList(0, most) : ids;
    }

    private static List<String> ids(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode entries = answer.json();
        return entries.valueStream().map(e -> e.get("id").asString()).toList();
    }
}
