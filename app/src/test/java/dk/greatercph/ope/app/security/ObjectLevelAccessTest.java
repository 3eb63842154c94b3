package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator may see and change of the delegations it is, or is not, assigned to: the object level that
 * the role matrix does not cover.
 */
@OpeIntegrationTest
class ObjectLevelAccessTest {

    @LocalServerPort
    int port;

    private Lifecycle lifecycle() {
        return new Lifecycle(new Api(port));
    }

    @Test
    void aDelegationNotAssignedToTheOperatorAnswersExactlyLikeOneThatDoesNotExist() {
        Lifecycle lifecycle = lifecycle();
        String assignedToOthers = lifecycle.accepted("Oracle " + UUID.randomUUID());
        String venue = lifecycle.venue();
        String item = lifecycle.item(lifecycle.as("chc"), assignedToOthers, "MEETING", venue, null,
                "2027-09-07T10:00:00+02:00", "2027-09-07T11:00:00+02:00");
        new Api(port).as("chc").getUntil("/api/delegations/" + assignedToOthers + "/members",
                r -> r.status() == 200, Duration.ofSeconds(10));
        String missing = "DEL-" + UUID.randomUUID();
        String itemBody = """
                {"kind":"MEETING","title":"Probe","startsAt":"2027-09-07T10:00:00+02:00",
                 "endsAt":"2027-09-07T11:00:00+02:00","venueId":"VEN-%s"}""".formatted(UUID.randomUUID());
        List<String[]> probes = List.of(
                new String[]{"GET", "/api/delegations/{d}", null},
                new String[]{"GET", "/api/delegations/{d}?minVersion=1", null},
                new String[]{"GET", "/api/delegations/{d}/members", null},
                new String[]{"POST", "/api/delegations/{d}/assignments/clean/acceptance", null},
                new String[]{"POST", "/api/delegations/{d}/assignments/clean/decline", "{\"reason\":\"Probe\"}"},
                new String[]{"POST", "/api/delegations/{d}/programme-items", itemBody},
                new String[]{"PUT", "/api/delegations/{d}/programme-items/" + item, itemBody},
                new String[]{"DELETE", "/api/delegations/{d}/programme-items/" + item, null},
                new String[]{"POST", "/api/delegations/{d}/programme-items/" + item + "/cost-coverage",
                        "{\"payer\":\"P\",\"basis\":\"B\",\"amount\":1}"},
                new String[]{"POST", "/api/delegations/{d}/completion", "{\"summary\":\"Probe\",\"investmentLeads\":0}"});
        Api clean = new Api(port).as("clean");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("If-Match", "\"0\""))) {
            for (String[] probe : probes) {
                Api.Response notAssigned = send(clean, probe[0], probe[1].replace("{d}", assignedToOthers), probe[2],
                        headers);
                Api.Response notExisting = send(clean, probe[0], probe[1].replace("{d}", missing), probe[2], headers);

                assertThat(notAssigned.status()).as("%s %s %s", probe[0], probe[1], headers).isEqualTo(404);
                assertThat(problem(notAssigned)).as("%s %s %s: %s", probe[0], probe[1], headers, notAssigned.body())
                        .isEqualTo(problem(notExisting))
                        .containsEntry("code", "NOT_FOUND").containsEntry("detail", "No such resource.");
            }
        }
        Api.Response anothersInbox = clean.get("/api/operators/chc/inbox");
        Api.Response noOnesInbox = clean.get("/api/operators/no-such-operator/inbox");
        assertThat(problem(anothersInbox)).isEqualTo(problem(noOnesInbox)).containsEntry("code", "NOT_FOUND");
        Api.Response staleForTheAssigned = send(new Api(port).as("chc"), "PUT",
                "/api/delegations/" + assignedToOthers + "/programme-items/" + item, item(venue, "Stale"),
                Map.of("If-Match", "\"0\""));
        assertThat(staleForTheAssigned.status()).as(staleForTheAssigned.body()).isEqualTo(412);
    }

    @Test
    void anOperatorSeesOtherDelegationsOnlyAsAnonymousBookedBlocksOfItsVenuesAndHosts() {
        Lifecycle lifecycle = lifecycle();
        String venue = lifecycle.venue();
        String host = lifecycle.partner("COMPANY");
        String chcs = lifecycle.accepted("Own " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), chcs, "MEETING", venue, host, "2027-09-07T10:00:00+02:00",
                "2027-09-07T11:00:00+02:00");
        String secret = "Secret Tourism Bureau " + UUID.randomUUID();
        String wocos = lifecycle.registeredAndScreened(Requests.delegation(secret, "ADMINISTRATIVE", "\"TOURISM\"",
                "Tour operators"));
        ok(lifecycle.desk().post("/api/delegations/" + wocos + "/routing", "{}"));
        ok(lifecycle.as("woco").post("/api/delegations/" + wocos + "/assignments/woco/acceptance", ""));
        String wocoItem = lifecycle.item(lifecycle.as("woco"), wocos, "COMPANY_VISIT", venue, host,
                "2027-09-07T10:30:00+02:00", "2027-09-07T11:30:00+02:00");
        String day = "from=2027-09-07&to=2027-09-07&venue=" + venue;
        lifecycle.desk().getUntil("/api/schedule?" + day, r -> r.json().size() == 2, Duration.ofSeconds(10));
        Api chc = new Api(port).as("chc");

        JsonNode schedule = chc.get("/api/schedule?" + day).json();
        String feed = chc.get("/api/schedule.ics?" + day).body();
        List<JsonNode> conflicts = chc.get("/api/schedule/conflicts?from=2027-09-07&to=2027-09-07").json().valueStream()
                .filter(c -> c.get("booked").get("id").asString().equals(venue)
                        || c.get("booked").get("id").asString().equals(host)).toList();
        JsonNode asAnother = chc.get("/api/schedule?" + day + "&operator=woco").json();
        JsonNode deskView = lifecycle.desk().get("/api/schedule?" + day).json();

        assertThat(schedule.valueStream().map(e -> e.get("type").asString())).containsExactly("PROGRAMME_ITEM", "BOOKED");
        JsonNode block = schedule.get(1);
        assertThat(block.get("venue").get("id").asString()).isEqualTo(venue);
        assertThat(block.get("host").get("id").asString()).isEqualTo(host);
        assertThat(block.get("startsAt").asString()).isEqualTo("2027-09-07T10:30:00+02:00");
        assertThat(block.get("status").asString()).isEqualTo("TENTATIVE");
        assertThat(block.get("title").asString()).isEqualTo("Booked");
        assertThat(block.path("delegationId").isNull() || block.path("delegationId").isMissingNode()).isTrue();
        assertThat(block.get("operators").size()).isZero();
        for (String view : List.of(schedule.toString(), feed, conflicts.toString(), asAnother.toString())) {
            assertThat(view).doesNotContain(wocos).doesNotContain(secret).doesNotContain(wocoItem)
                    .doesNotContain("woco").doesNotContain("COMPANY_VISIT");
        }
        assertThat(feed).contains("SUMMARY:Booked").contains(chcs);
        assertThat(asAnother.size()).isZero();
        assertThat(conflicts).hasSize(2).allMatch(c -> List.of(c.get("first"), c.get("second")).stream()
                .map(e -> e.get("type").asString() + ":" + e.path("delegationId").asString(""))
                .toList().containsAll(List.of("PROGRAMME_ITEM:" + chcs, "BOOKED:")));
        assertThat(deskView.toString()).contains(wocos).contains(secret).contains("woco");
    }

    @Test
    void anOperatorThatDeclinedSeesTheDelegationsItemsOnlyAsBookedBlocks() {
        Lifecycle lifecycle = lifecycle();
        String venue = lifecycle.venue();
        String secret = "Declined " + UUID.randomUUID();
        String id = lifecycle.registeredAndScreened(Requests.delegation(secret, "ADMINISTRATIVE",
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", ""));
        ok(lifecycle.as("copcap").post("/api/delegations/" + id + "/assignments/copcap/decline",
                "{\"reason\":\"No capacity this month\"}"));
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2027-10-05T10:00:00+02:00",
                "2027-10-05T11:00:00+02:00");
        String day = "from=2027-10-05&to=2027-10-05&venue=" + venue;
        lifecycle.desk().getUntil("/api/schedule?" + day, r -> r.json().size() == 1
                && !r.json().get(0).get("operators").toString().contains("copcap"), Duration.ofSeconds(10));

        JsonNode copcaps = new Api(port).as("copcap").get("/api/schedule?" + day).json();
        JsonNode chcs = new Api(port).as("chc").get("/api/schedule?" + day).json();

        assertThat(copcaps.valueStream().map(e -> e.get("type").asString())).containsExactly("BOOKED");
        assertThat(copcaps.toString()).doesNotContain(id).doesNotContain(secret);
        assertThat(chcs.valueStream().map(e -> e.get("type").asString())).containsExactly("PROGRAMME_ITEM");
    }

    @Test
    void theLeadReadsTheMembersInFullSupportingOperatorsNamesAndTitlesOnly() {
        Lifecycle lifecycle = lifecycle();
        String id = lifecycle.accepted("Members " + UUID.randomUUID());
        ok(lifecycle.desk().post("/api/delegations/" + id + "/members", """
                {"name":"Li Wei","title":"Deputy Director","email":"li.wei@example.cn","phone":"+86 25 1234 5678",
                 "organisation":"Jiangsu Provincial Health Commission","contact":true}"""));
        String path = "/api/delegations/" + id + "/members";

        JsonNode lead = new Api(port).as("chc").getUntil(path, r -> r.status() == 200 && r.json().size() == 1,
                Duration.ofSeconds(10)).json().get(0);
        JsonNode supporting = new Api(port).as("copcap").get(path).json().get(0);
        JsonNode desk = lifecycle.desk().get(path).json().get(0);
        Api.Response notAssigned = new Api(port).as("clean").get(path);

        assertThat(lead.get("email").asString()).isEqualTo("li.wei@example.cn");
        assertThat(lead.get("phone").asString()).isEqualTo("+86 25 1234 5678");
        assertThat(desk).isEqualTo(lead);
        assertThat(supporting.get("name").asString()).isEqualTo("Li Wei");
        assertThat(supporting.get("title").asString()).isEqualTo("Deputy Director");
        assertThat(supporting.path("email").isNull() || supporting.path("email").isMissingNode()).isTrue();
        assertThat(supporting.path("phone").isNull() || supporting.path("phone").isMissingNode()).isTrue();
        assertThat(supporting.toString()).doesNotContain("li.wei@example.cn").doesNotContain("1234 5678");
        assertThat(notAssigned.status()).isEqualTo(404);
        assertThat(notAssigned.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anOperatorThatHasJustDeclinedNoLongerReadsTheMembers() {
        Lifecycle lifecycle = lifecycle();
        for (int round = 0; round < 3; round++) {
            String id = lifecycle.registeredAndScreened(Requests.delegation("Declining " + UUID.randomUUID(),
                    "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners"));
            ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
            ok(lifecycle.desk().post("/api/delegations/" + id + "/members", """
                    {"name":"Zhou Min","email":"zhou.min@example.cn","contact":true}"""));
            String path = "/api/delegations/" + id + "/members";
            Api chc = new Api(port).as("chc");
            chc.getUntil(path, r -> r.status() == 200 && r.body().contains("zhou.min@example.cn"), Duration.ofSeconds(10));

            ok(chc.post("/api/delegations/" + id + "/assignments/chc/decline", "{\"reason\":\"No capacity\"}"));
            // read at once: the answer came before the board had handled the decline
            Api.Response after = chc.get(path);

            assertThat(after.status()).as(after.body()).isEqualTo(404);
            assertThat(after.body()).doesNotContain("zhou.min@example.cn");
        }
    }

    /** The lead's page told its history only up to its acceptance: the board's row carries no more. */
    @Test
    void theLeadReadsItsDelegationsWholeHistoryByRoleWithoutContent() {
        Lifecycle lifecycle = lifecycle();
        String id = lifecycle.accepted("History " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, "2027-10-07T10:00:00+02:00",
                "2027-10-07T11:00:00+02:00");
        ok(lifecycle.desk().post("/api/delegations/" + id + "/members", "{\"name\":\"Sun Li\"}"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));

        Api.Response history = new Api(port).as("chc").get("/api/delegations/" + id + "/history");

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("events").valueStream().map(e -> e.get("eventType").asString()))
                .contains("DelegationScreenedEvent", "DelegationRoutedEvent", "ProgrammeItemAddedEvent",
                        "DelegationMemberAddedEvent", "DelegationConfirmedEvent");
        JsonNode added = history.json().get("events").valueStream()
                .filter(e -> e.get("eventType").asString().equals("ProgrammeItemAddedEvent")).findFirst().orElseThrow();
        assertThat(added.get("actorRole").asString()).isEqualTo("OPERATOR");
        assertThat(added.get("actorOperator").asString()).isEqualTo("chc");
        assertThat(history.body()).doesNotContain("Sun Li", "\"actor\"", "payload");
        assertThat(new Api(port).as("clean").get("/api/delegations/" + id + "/history").status()).isEqualTo(404);
        assertThat(PageSession.signedIn(port, "chc").get("/delegations/" + id).body())
                .contains(">Bekræftet<");
    }

    @Test
    void anOperatorChangesOnlyItsOwnProgrammeItemsTheLeadAndTheDeskAll() {
        Lifecycle lifecycle = lifecycle();
        String id = lifecycle.accepted("Items " + UUID.randomUUID());
        String venue = lifecycle.venue();
        String leads = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null,
                "2027-09-07T10:00:00+02:00", "2027-09-07T11:00:00+02:00");
        String supports = lifecycle.item(lifecycle.as("copcap"), id, "MEETING", venue, null,
                "2027-09-07T12:00:00+02:00", "2027-09-07T13:00:00+02:00");
        String desks = lifecycle.item(lifecycle.desk(), id, "MEETING", venue, null,
                "2027-09-07T14:00:00+02:00", "2027-09-07T15:00:00+02:00");
        Api copcap = new Api(port).as("copcap");
        String base = "/api/delegations/" + id + "/programme-items/";

        for (String others : List.of(leads, desks)) {
            Api.Response change = send(copcap, "PUT", base + others, item(venue, "Moved by copcap"));
            Api.Response delete = send(copcap, "DELETE", base + others, null);
            Api.Response cover = copcap.post(base + others + "/cost-coverage", "{\"payer\":\"P\",\"basis\":\"B\",\"amount\":1}");
            for (Api.Response refused : List.of(change, delete, cover)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("code").asString()).isEqualTo("ITEM_OF_ANOTHER_OPERATOR");
            }
        }
        ok(send(copcap, "PUT", base + supports, item(venue, "Changed by its planner")));
        ok(send(new Api(port).as("chc"), "PUT", base + supports, item(venue, "Changed by the lead")));
        ok(send(new Api(port).as("chc"), "PUT", base + desks, item(venue, "Lead changes the desk's item")));
        ok(send(lifecycle.desk(), "PUT", base + leads, item(venue, "Changed by the desk")));
        ok(send(copcap, "DELETE", base + supports, null));
        ok(send(new Api(port).as("chc"), "DELETE", base + desks, null));
        assertThat(lifecycle.eventTypes(id)).filteredOn(t -> t.startsWith("ProgrammeItem"))
                .containsExactly("ProgrammeItemAddedEvent", "ProgrammeItemAddedEvent", "ProgrammeItemAddedEvent",
                        "ProgrammeItemChangedEvent", "ProgrammeItemChangedEvent", "ProgrammeItemChangedEvent",
                        "ProgrammeItemChangedEvent", "ProgrammeItemRemovedEvent", "ProgrammeItemRemovedEvent");
    }

    @Test
    void aClientMayReferOnlyToAPersonTheSystemIssued() {
        Lifecycle lifecycle = lifecycle();
        Api desk = lifecycle.desk();
        String delegation = ok(desk.post("/api/delegations", Requests.delegation("Persons " + UUID.randomUUID())))
                .json().get("id").asString();
        String trip = plannedTrip(desk, null);
        String members = "/api/delegations/" + delegation + "/members";
        String participants = "/api/trips/" + trip + "/participants";

        for (String malformed : List.of("../../x", "' OR 1=1 --", "1", "PER-" + UUID.randomUUID().toString().toUpperCase())) {
            String value = malformed.replace("\"", "\\\"");
            for (Api.Response refused : List.of(
                    desk.post(members, "{\"name\":\"Someone\",\"personId\":\"" + value + "\"}"),
                    desk.post(participants, "{\"kind\":\"OFFICIAL\",\"name\":\"Someone\",\"personId\":\"" + value + "\"}"))) {
                assertThat(refused.status()).as(malformed + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
                assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                        .containsExactly("personId");
            }
        }
        String unknown = "PER-" + UUID.randomUUID();
        for (Api.Response refused : List.of(
                desk.post(members, "{\"name\":\"Someone\",\"personId\":\"" + unknown + "\"}"),
                desk.post(participants, "{\"kind\":\"OFFICIAL\",\"name\":\"Someone\",\"personId\":\"" + unknown + "\"}"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_PERSON");
            assertThat(refused.json().get("detail").asString()).contains("personId");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as("named for a form to mark")
                    .isEqualTo("personId");
        }
        Api.Response unknownLeader = desk.post("/api/trips", tripBody(2090, unknown));
        assertThat(unknownLeader.status()).as(unknownLeader.body()).isEqualTo(422);
        assertThat(unknownLeader.json().get("code").asString()).isEqualTo("UNKNOWN_PERSON");
        assertThat(unknownLeader.json().get("errors").get(0).get("field").asString()).isEqualTo("leaderPersonId");
        assertThat(desk.post("/api/trips", tripBody(2090, "1")).json().get("errors").get(0).get("field").asString())
                .isEqualTo("leaderPersonId");

        String issued = ok(desk.post(members, "{\"name\":\"Wang Fang\"}")).json().get("personId").asString();
        assertThat(issued).matches("PER-[0-9a-f-]{36}");
        Api.Response linked = ok(desk.post(participants,
                "{\"kind\":\"OFFICIAL\",\"name\":\"Wang Fang\",\"personId\":\"" + issued + "\"}"));
        assertThat(linked.status()).isEqualTo(201);
        JsonNode person = desk.getUntil("/api/persons/" + issued, r -> r.status() == 200
                && r.json().get("appearances").size() == 2, Duration.ofSeconds(10)).json();
        assertThat(person.get("appearances").valueStream().map(a -> a.get("sourceType").asString()))
                .containsExactlyInAnyOrder("DELEGATION_MEMBER", "TRIP_PARTICIPANT");
    }

    private String plannedTrip(Api desk, String leaderPersonId) {
        int year = 2030 + (int) (Math.random() * 60);
        return ok(desk.post("/api/trips", tripBody(year, leaderPersonId))).json().get("id").asString();
    }

    static String tripBody(int year, String leaderPersonId) {
        return TripPlan.of(year).titled("Object trip").extraordinary("Test").ledByPerson(leaderPersonId).json();
    }

    private static String item(String venue, String title) {
        return """
                {"kind":"MEETING","title":"%s","startsAt":"2027-09-08T10:00:00+02:00","endsAt":"2027-09-08T11:00:00+02:00",
                 "venueId":"%s"}""".formatted(title, venue);
    }

    private static Map<String, String> problem(Api.Response response) {
        JsonNode json = response.json();
        return Map.of("status", String.valueOf(response.status()), "code", json.path("code").asString(),
                "title", json.path("title").asString(), "detail", json.path("detail").asString(),
                "type", response.contentType());
    }

    private Api.Response send(Api api, String method, String path, String body) {
        return send(api, method, path, body, Map.of());
    }

    private Api.Response send(Api api, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            return api.send(request.method(method, HttpRequest.BodyPublishers.noBody()), headers);
        }
        return api.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)), headers);
    }
}
