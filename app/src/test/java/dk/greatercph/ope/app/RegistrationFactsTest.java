package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desk records about a request since a desk year showed it missing: the country of origin, the date it
 * was received, a province only for China; R1's political lead; R8 counted from the date received; and requests
 * registered before (revision 1 of the event) read as Chinese, received on their registration day.
 */
@OpeIntegrationTest
class RegistrationFactsTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JdbcClient jdbc;

    private Api desk() {
        return new Api(port).as("desk");
    }

    private static String request(String organisation, String extra) {
        return Requests.delegation(organisation).replace("\"purpose\"", extra + ",\"purpose\"");
    }

    private DelegationRegisteredEvent registeredEvent(String id) {
        return (DelegationRegisteredEvent) eventStore.readEvents(id).next().getPayload();
    }

    @Test
    void aRequestRecordsItsCountryAndTheDateItWasReceived() {
        Api.Response created = ok(desk().post("/api/delegations",
                request("Swedish request " + UUID.randomUUID(), "\"country\":\"SE\",\"dateReceived\":\"2026-03-02\"")
                        .replace("\"originProvince\":\"Jiangsu\",", "").replace("\"originCity\":\"Nanjing\",", "")));

        DelegationRegisteredEvent event = registeredEvent(created.json().get("id").asString());
        assertThat(event.country()).isEqualTo("SE");
        assertThat(event.dateReceived()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(event.originProvince()).isNull();
    }

    @Test
    void provinceAndCityAreRecordedWithoutSurroundingSpacesSoTheFiguresCountThemOnce() {
        Api.Response created = ok(desk().post("/api/delegations", Requests.delegation("Spaced " + UUID.randomUUID())
                .replace("\"originProvince\":\"Jiangsu\"", "\"originProvince\":\" Jiangsu \"")
                .replace("\"originCity\":\"Nanjing\"", "\"originCity\":\" \"")));

        DelegationRegisteredEvent event = registeredEvent(created.json().get("id").asString());
        assertThat(event.originProvince()).isEqualTo("Jiangsu");
        assertThat(event.originCity()).isNull();
    }

    @Test
    void withoutACountryARequestIsChineseAndReceivedToday() {
        Api.Response created = ok(desk().post("/api/delegations", Requests.delegation("Default " + UUID.randomUUID())));

        DelegationRegisteredEvent event = registeredEvent(created.json().get("id").asString());
        assertThat(event.country()).isEqualTo("CN");
        assertThat(event.dateReceived()).isEqualTo(LocalDate.now(COPENHAGEN));
    }

    @Test
    void anUnknownOrLowerCaseCountryIsRefusedByName() {
        for (String country : new String[]{"XX", "cn", "CHN", "C1"}) {
            Api.Response response = desk().post("/api/delegations",
                    request("Bad country " + UUID.randomUUID(), "\"country\":\"" + country + "\""));

            assertThat(response.status()).as(country).isEqualTo(400);
            assertThat(response.json().get("code").asString()).as(country).isIn("INVALID_COUNTRY", "VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(country).isEqualTo("country");
        }
    }

    @Test
    void aRequestFromChinaNamesItsProvince() {
        Api.Response response = desk().post("/api/delegations", request("No province " + UUID.randomUUID(),
                "\"country\":\"CN\"").replace("\"originProvince\":\"Jiangsu\",", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("originProvince");
    }

    @Test
    void aRequestCannotHaveBeenReceivedAfterToday() {
        String tomorrow = LocalDate.now(COPENHAGEN).plusDays(1).toString();
        Api.Response response = desk().post("/api/delegations",
                request("Future " + UUID.randomUUID(), "\"dateReceived\":\"" + tomorrow + "\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("DATE_RECEIVED_IN_FUTURE");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("dateReceived");
    }

    @Test
    void aWishedVisitCannotEndBeforeTheRequestCame() {
        // a mistyped year: 2020 for 2027, the request received last week
        Api.Response response = desk().post("/api/delegations", request("Mistyped year " + UUID.randomUUID(),
                "\"dateReceived\":\"2026-06-01\"").replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2020-04-12\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2020-04-16\""));
        Api.Response sameDay = desk().post("/api/delegations", request("Same day " + UUID.randomUUID(),
                "\"dateReceived\":\"2026-06-01\"").replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2026-05-30\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2026-06-01\""));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_DATE_WINDOW");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("wishedTo");
        assertThat(response.body()).contains("2026-06-01");
        assertThat(sameDay.status()).as("a visit that may still begin the day the request came").isEqualTo(201);
        // an unreadable date received is said alone: it was judged as today, and the window refused beside it
        Api.Response unreadable = desk().post("/api/delegations", request("Unreadable " + UUID.randomUUID(),
                "\"dateReceived\":\"2024-02-30\"").replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2024-06-01\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2024-06-03\""));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("dateReceived");
        // without a date received the request came today: a window already past went through, where the same
        // request with today's date written out was refused
        String yesterday = LocalDate.now(COPENHAGEN).minusDays(1).toString();
        Api.Response implied = desk().post("/api/delegations", Requests.delegation("Implied " + UUID.randomUUID())
                .replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2020-05-10\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"" + yesterday + "\""));
        assertThat(implied.status()).as(implied.body()).isEqualTo(400);
        assertThat(implied.json().get("code").asString()).isEqualTo("INVALID_DATE_WINDOW");
        assertThat(implied.json().get("errors").get(0).get("field").asString()).isEqualTo("wishedTo");
        Api.Response endingToday = desk().post("/api/delegations", Requests.delegation("Today " + UUID.randomUUID())
                .replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2020-05-10\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"" + LocalDate.now(COPENHAGEN) + "\""));
        assertThat(endingToday.status()).as("a visit that may still happen today").isEqualTo(201);
    }

    /** Told one round at a time: the fields, then the date received, then the window (the aggregate's). */
    @Test
    void aRequestsRulesAreNamedWithItsFieldsAtOnce() {
        String tomorrow = LocalDate.now(COPENHAGEN).plusDays(1).toString();
        Api.Response response = desk().post("/api/delegations", request("All at once " + UUID.randomUUID(),
                "\"dateReceived\":\"" + tomorrow + "\"").replace("\"originProvince\":\"Jiangsu\",", "")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2027-04-01\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("originProvince", "dateReceived", "wishedTo");
        // each rule names its own code beside its field; the missing province is a plain constraint
        assertThat(response.json().get("errors").valueStream()
                .map(e -> e.get("field").asString() + "=" + e.path("code").asString("-")))
                .containsExactlyInAnyOrder("originProvince=-", "dateReceived=DATE_RECEIVED_IN_FUTURE",
                        "wishedTo=INVALID_DATE_WINDOW");
    }

    @Test
    void repeatRequestsAreCountedFromTheDateReceived() {
        String organisation = "Repeat by receipt " + UUID.randomUUID();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2021-01-10\""));
        String within = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2022-12-20\""));
        String beyond = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2025-01-05\""));

        assertThat(screening(within).get("repeatRequest").asBoolean()).isTrue();
        assertThat(screening(beyond).get("repeatRequest").asBoolean())
                .as("24½ months after the second request is beyond R8's window").isFalse();
    }

    /** A theme an approved scope expansion added is the delegation's own for R8: a request on it was not flagged. */
    @Test
    void aRepeatOnAThemeAnApprovedScopeExpansionAddedIsFlagged() {
        String organisation = "Repeat by scope " + UUID.randomUUID();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String first = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2026-01-10\""));
        ok(desk().post("/api/delegations/" + first + "/routing", "{}"));
        String scope = ok(desk().post("/api/delegations/" + first + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels too\"}")).json().get("id").asString();
        ok(desk().post("/api/delegations/" + first + "/scope-expansions/" + scope + "/approval", ""));

        String onTourism = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2026-02-10\"")
                .replace("\"HEALTH_WELFARE_TECH\"", "\"TOURISM\""));

        JsonNode screened = screening(onTourism);
        assertThat(screened.get("repeatRequest").asBoolean()).isTrue();
        assertThat(screened.get("earlierRequests").get(0).get("value").asString()).isEqualTo(first);
    }

    /**
     * An operator's view of a repeat request listed the ids of the earlier requests, also of those it is not assigned
     * to and may not read (each answered it 404): it now lists only those it may read. The desk sees them all.
     */
    @Test
    void anOperatorIsShownOnlyTheEarlierRequestsItMayRead() {
        String organisation = "Repeat seen by " + UUID.randomUUID();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String first = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2026-01-10\""));
        String second = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2026-02-10\""));
        long routed = ok(desk().post("/api/delegations/" + second + "/routing", "{}")).json().get("version").asLong();

        Api chc = new Api(port).as("chc");
        JsonNode asLead = chc.getUntil("/api/delegations/" + second + "?minVersion=" + routed,
                r -> r.status() == 200, java.time.Duration.ofSeconds(10)).json();
        assertThat(asLead.get("earlierRequests").isEmpty()).as(asLead.toString()).isTrue();
        assertThat(chc.get("/api/delegations/" + first).status()).isEqualTo(404);
        assertThat(desk().get("/api/delegations/" + second + "?minVersion=" + routed).json().get("earlierRequests")
                .get(0).asString()).isEqualTo(first);

        long firstRouted = ok(desk().post("/api/delegations/" + first + "/routing", "{}")).json().get("version").asLong();
        chc.getUntil("/api/delegations/" + first + "?minVersion=" + firstRouted, r -> r.status() == 200,
                java.time.Duration.ofSeconds(10));
        assertThat(chc.get("/api/delegations/" + second).json().get("earlierRequests").get(0).asString())
                .isEqualTo(first);
    }

    /** R8 ignores spacing, Unicode's spaces too: a no-break or em space was a different organisation. */
    @Test
    void repeatRequestsAreFoundWhateverTheSpacesBetweenTheWords() {
        String tag = UUID.randomUUID().toString();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        lifecycle.registeredAndScreened(request("Repeat test org " + tag, "\"dateReceived\":\"2026-01-10\""));
        String noBreak = lifecycle.registeredAndScreened(request("Repeat\\u00a0Test  Org\\u2003" + tag,
                "\"dateReceived\":\"2026-02-10\""));

        assertThat(screening(noBreak).get("repeatRequest").asBoolean()).isTrue();
    }

    /** Full-width Latin letters, which Chinese input methods type, were another organisation. */
    @Test
    void repeatRequestsAreFoundInFullWidthLettersToo() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        lifecycle.registeredAndScreened(request("\uff21\uff43\uff4d\uff45 123 ApS " + tag,
                "\"dateReceived\":\"2026-05-01\""));
        String plain = lifecycle.registeredAndScreened(request("Acme 123 ApS " + tag, "\"dateReceived\":\"2026-06-01\""));

        assertThat(screening(plain).get("repeatRequest").asBoolean()).isTrue();
    }

    /**
     * A frequent requester's screening names its newest 25 earlier requests, oldest first: naming them all made each
     * event longer than the last (1,700 requests of one organisation wrote 151 KB events and the board ran out of heap).
     */
    @Test
    void aRepeatNamesTheNewestTwentyFiveEarlierRequests() {
        String organisation = "Frequent " + UUID.randomUUID();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            Api.Response created = lifecycle.desk().post("/api/delegations",
                    request(organisation, "\"dateReceived\":\"2026-02-%02d\"".formatted(day)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        String last = lifecycle.registeredAndScreened(request(organisation, "\"dateReceived\":\"2026-03-01\""));

        JsonNode screened = screening(last);
        assertThat(screened.get("repeatRequest").asBoolean()).isTrue();
        assertThat(screened.get("earlierRequests").valueStream().map(id -> id.get("value").asString()).toList())
                .containsExactlyElementsOf(ids.subList(3, 28));
    }

    private JsonNode screening(String id) {
        JsonNode events = new Lifecycle(new Api(port)).events(id);
        return events.get(1).get("payload");
    }

    @Test
    void aPoliticalDelegationIsLedByTheRegionsAdministration() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("Political " + UUID.randomUUID(), "POLITICAL",
                "\"GREEN_GROWTH\",\"INVESTMENT\"", null));
        ok(desk().post("/api/delegations/" + id + "/routing", "{}"));

        JsonNode routed = lifecycle.events(id).get(2).get("payload");
        assertThat(routed.get("lead").get("value").asString()).isEqualTo("region");
        assertThat(routed.get("supporting").findValuesAsString("value")).containsExactly("clean", "copcap");
        assertThat(routed.get("reason").asString()).contains("rules R1.2").contains("political delegation -> led by region");
    }

    @Test
    void aRequestRegisteredBeforeCountriesWereRecordedReadsAsChineseReceivedOnItsRegistrationDay() {
        DelegationId id = DelegationId.newId();
        String organisation = "Revision one " + UUID.randomUUID();
        String revision1 = """
                {"delegationId":{"value":"%s"},"channel":"EMBASSY","requestingOrganisation":"%s",
                 "originProvince":"Jiangsu","originCity":"Nanjing","delegationType":"ADMINISTRATIVE",
                 "politicalLevel":"PROVINCIAL","headCount":6,"wishedFrom":"2027-05-03","wishedTo":"2027-05-07",
                 "themes":["HEALTH_WELFARE_TECH"],"purpose":"Study visit","businessOpportunity":"Tele-health"}
                """.formatted(id.value(), organisation);
        OldRevisions.append(engine, eventSerializer, "Delegation", id.value(), 0,
                DelegationRegisteredEvent.class.getName(), "1", revision1.getBytes(StandardCharsets.UTF_8),
                Map.of("actor", "desk", "actorRole", "DESK"));
        assertThat(jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", id.value()).query(String.class).single()).isEqualTo("1");

        DelegationRegisteredEvent read = registeredEvent(id.value());
        assertThat(read.country()).isEqualTo("CN");
        assertThat(read.dateReceived()).isEqualTo(LocalDate.now(COPENHAGEN));
        assertThat(read.requestingOrganisation()).isEqualTo(organisation);
        // the aggregate loads from it: screening is recorded at the next version
        Api.Response screened = ok(desk().post("/api/delegations/" + id + "/screening",
                "{\"businessOpportunityAssessment\":\"Solid\"}"));
        assertThat(screened.json().get("version").asLong()).isEqualTo(1);
    }
}
