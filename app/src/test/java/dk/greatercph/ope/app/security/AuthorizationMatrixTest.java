package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventStream;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every kind of caller: anonymous, the desk, two operators (one assigned to the
 * delegation, one not), an auditor and an administrator. Every endpoint added to the API joins this table.
 */
@OpeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Callers, in the column order of the table below. */
    static final List<String> CALLERS = List.of("anonymous", "desk", "chc", "clean", "auditor", "admin");

    @LocalServerPort
    int port;

    String delegationId;
    String operatorCode;
    String openTrip;
    String participantId;
    String itineraryItemId;
    /** An item the desk's row removes, so that the one the reads look for stays. */
    String removableItemId;
    String keptParticipantId;
    String recipientId;
    String readyTrip;
    String approvedTrip;
    String tripToCancel;
    String importId;
    String venueId;
    String partnerId;

    @BeforeAll
    void aDelegationAssignedToChc() {
        Api desk = new Api(port).as("desk");
        delegationId = new Lifecycle(new Api(port)).registeredAndScreened(Requests.delegation("Matrix"));
        String routed = Lifecycle.ok(desk.post("/api/delegations/" + delegationId + "/routing", "{}")).header("ETag");
        new Api(port).as("chc").getUntil("/api/delegations/" + delegationId + "?minVersion=" + routed.replace("\"", ""),
                r -> r.status() == 200, Duration.ofSeconds(10));

        operatorCode = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        desk.post("/api/operators", "{\"code\":\"%s\",\"name\":\"Matrix %s\",\"themes\":[\"AUTHORITY_HEALTH\"]}".formatted(operatorCode, operatorCode));
        openTrip = trip(desk);
        participantId = desk.post("/api/trips/" + openTrip + "/participants", PARTICIPANT).json().get("id").asString();
        keptParticipantId = desk.post("/api/trips/" + openTrip + "/participants", PARTICIPANT).json().get("id")
                .asString();
        String openYear = desk.getUntil("/api/trips/" + openTrip, r -> r.status() == 200, Duration.ofSeconds(10))
                .json().get("startDate").asString().substring(0, 4);
        itineraryItemId = desk.post("/api/trips/" + openTrip + "/itinerary-items", itinerary(openYear)).json()
                .get("id").asString();
        removableItemId = desk.post("/api/trips/" + openTrip + "/itinerary-items", itinerary(openYear)).json()
                .get("id").asString();
        recipientId = desk.post("/api/notification-settings/chc/recipients",
                "{\"address\":\"matrix-reader@ops.example\",\"language\":\"da\"}").json().get("id").asString();
        desk.getUntil("/api/notification-settings/chc", r -> r.body().contains(recipientId), Duration.ofSeconds(10));
        desk.getUntil("/api/trips/" + openTrip, r -> r.body().contains(itineraryItemId)
                && r.body().contains(removableItemId)
                && r.body().contains(keptParticipantId), Duration.ofSeconds(10));
        readyTrip = staffed(desk);
        approvedTrip = staffed(desk);
        desk.post("/api/trips/" + approvedTrip + "/approval", "");
        tripToCancel = trip(desk);
        venueId = desk.post("/api/venues", "{\"name\":\"Matrix hall\",\"capacity\":10}").json().get("id").asString();
        partnerId = desk.post("/api/partners", "{\"name\":\"Matrix partner\",\"kind\":\"COMPANY\"}").json()
                .get("id").asString();
        desk.getUntil("/api/venues/" + venueId, r -> r.status() == 200, Duration.ofSeconds(10));
        desk.getUntil("/api/partners/" + partnerId, r -> r.status() == 200, Duration.ofSeconds(10));
        desk.getUntil("/api/operators/" + operatorCode, r -> r.status() == 200, Duration.ofSeconds(10));
        importId = desk.send(request("POST", "/api/imports?dryRun=true", IMPORT), java.util.Map.of()).json()
                .get("id").asString();
    }

    private static final String IMPORT = "country,channel,requestingOrganisation\r\nSE,EMBASSY,Matrix import\r\n";

    private static final String PARTICIPANT = "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}";

    private String trip(Api desk) {
        int year = 2013 + (int) (Math.random() * 13); // past: an approved one is completed (not before it begins)
        return desk.post("/api/trips", TripPlan.of(year).titled("Matrix trip").ledBy("Chair").extraordinary("Matrix test")
                .json()).json().get("id").asString();
    }

    private String staffed(Api desk) {
        String trip = trip(desk);
        String year = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(10))
                .json().get("startDate").asString().substring(0, 4);
        desk.post("/api/trips/" + trip + "/participants", PARTICIPANT);
        desk.post("/api/trips/" + trip + "/itinerary-items", itinerary(year));
        return trip;
    }

    private static String itinerary(String year) {
        return """
                {"startsAt":"%s-05-11T10:00:00","endsAt":"%s-05-11T11:00:00","city":"Nanjing","counterpart":"Host"}"""
                .formatted(year, year);
    }

    /** method, path, body, then the expected status for each caller in {@link #CALLERS}. */
    Stream<Arguments> matrix() {
        String one = "/api/delegations/{id}";
        String register = Requests.delegation("Matrix register");
        String checkpoint = """
                {"position":-1,"chainHead":"%s","issuedAt":"2027-01-01T00:00:00Z","algorithm":"Ed25519",
                 "publicKey":"AAAA","signature":"AAAA"}""".formatted("0".repeat(64));
        List<Arguments> rows = new ArrayList<>();
        //                 method    path                   body      anon desk  chc  clean aud  admin
        rows.add(row("POST", "/api/delegations", register, 401, 201, 403, 403, 403, 403));
        rows.add(row("GET", "/api/delegations", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", one, null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/delegations/DEL-unknown", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("GET", one + "/history", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/delegations/DEL-unknown/history", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("GET", one + "?minVersion=1", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/delegations?status=ROUTED&operator=chc&theme=HEALTH_WELFARE_TECH&from=2027-01-01"
                + "&to=2027-12-31&q=Matrix", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/delegations?country=CN&sector=PUBLIC&type=ADMINISTRATIVE&receivedFrom=2026-01-01"
                + "&receivedTo=2027-12-31&assignmentState=ESCALATED", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/escalations", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/escalations?limit=5", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/operators/chc/inbox", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/operators/clean/inbox?state=OFFERED", null, 401, 200, 404, 200, 200, 403));
        rows.add(row("GET", "/api/operators/chc/trip-follow-ups", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/schedule", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/schedule?from=2027-04-01&to=2027-04-30&operator=chc", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/schedule/conflicts", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/schedule.ics?from=2027-04-01&to=2027-04-30", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/kpis?year=2027", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/reports/annual/2027", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/reports/annual/2027?format=csv", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/reports/annual/2027?format=xlsx", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/events", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("POST", "/api/operators", "{\"code\":\"m-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"name\":\"New " + UUID.randomUUID() + "\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}", 401, 201, 403, 403, 403, 403));
        rows.add(row("PUT", "/api/operators/{operator}/themes", "{\"themes\":[\"AUTHORITY_HEALTH\",\"AUTHORITY_SOIL_WATER\"]}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("PUT", "/api/operators/{operator}/name", "{\"name\":\"Renamed " + UUID.randomUUID() + "\",\"reason\":\"Matrix\"}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("PUT", "/api/operators/{operator}/kpi-targets/2027",
                "{\"targets\":[{\"kind\":\"TOURISTS\",\"target\":10}]}", 401, 200, 403, 403, 403, 403));
        rows.add(row("GET", "/api/operators", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/operators/{operator}", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/operators/unknown-operator", null, 401, 404, 403, 403, 404, 403));
        rows.add(row("POST", "/api/partners", "{\"name\":\"Herlev Hospital\",\"kind\":\"HOSPITAL\"}",
                401, 201, 403, 403, 403, 403));
        rows.add(row("POST", "/api/venues", "{\"name\":\"Hall\",\"capacity\":10}", 401, 201, 403, 403, 403, 403));
        rows.add(row("GET", "/api/venues", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/partners", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/venues/{venue}", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/venues/VEN-unknown", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("GET", "/api/partners/{partner}", null, 401, 200, 200, 200, 200, 403));
        rows.add(row("GET", "/api/partners/PRT-unknown", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("PUT", "/api/venues/{venue}", "{\"name\":\"Matrix hall\",\"capacity\":12,\"kind\":\"OTHER\",\"reason\":\"Seats 12\"}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("PUT", "/api/partners/{partner}",
                "{\"name\":\"Matrix partner\",\"kind\":\"UNIVERSITY\",\"reason\":\"A university\"}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("POST", "/api/trips", TripPlan.of(2031).titled("Matrix").to("Wuxi").dates("2031-03-01", "2031-03-02")
                .ledBy("Chair").extraordinary("Matrix row").json(), 401, 201, 403, 403, 403, 403));
        rows.add(row("GET", "/api/trips", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/trips/{openTrip}", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/trips/{openTrip}?minVersion=0", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("POST", "/api/trips/{openTrip}/participants", PARTICIPANT, 401, 201, 403, 403, 403, 403));
        rows.add(row("GET", "/api/trips/{openTrip}/participants/{keptParticipant}", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/trips/{openTrip}/participants/PAR-unknown?minVersion=0", null,
                401, 404, 403, 403, 404, 403));
        rows.add(row("GET", "/api/trips/{openTrip}/itinerary-items/{itineraryItem}", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/trips/{openTrip}/itinerary-items/ITI-unknown", null, 401, 404, 403, 403, 404, 403));
        rows.add(row("DELETE", "/api/trips/{openTrip}/participants/{participant}", null, 401, 200, 403, 403, 403, 403));
        rows.add(row("DELETE", "/api/trips/{openTrip}/itinerary-items/{removableItem}", null, 401, 200, 403, 403, 403, 403));
        rows.add(row("POST", "/api/trips/{openTrip}/itinerary-items", "ITINERARY", 401, 201, 403, 403, 403, 403));
        rows.add(row("POST", "/api/trips/{readyTrip}/approval", null, 401, 200, 403, 403, 403, 403));
        rows.add(row("POST", "/api/trips/{approvedTrip}/completion", "{\"outcomes\":\"Done\"}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("POST", "/api/trips/{tripToCancel}/cancellation", "{\"reason\":\"Off\"}",
                401, 200, 403, 403, 403, 403));
        rows.add(row("GET", "/api/audit/events?actor=desk&aggregateType=Delegation&from=2020-01-01T00:00:00Z",
                null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/Delegation/{id}/timeline", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/Delegation/{id}/state?version=0", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/Trip/{openTrip}/timeline", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/Delegation/DEL-unknown/state", null, 401, 404, 403, 403, 404, 403));
        rows.add(row("GET", "/api/audit/verify", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/checkpoint", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("POST", "/api/audit/checkpoint/verification", checkpoint, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/export?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z",
                null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/audit/personal-data-reads?person=PER-00000000-0000-0000-0000-000000000000&actor=desk"
                + "&from=2020-01-01T00:00:00Z&limit=10", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/admin/projections", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/projections/delegation-board", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("POST", "/api/admin/projections/no-such-projection/replay", "", 401, 403, 403, 403, 403, 404));
        rows.add(row("POST", "/api/admin/lookups/rebuild", "", 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/dead-letters", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/dead-letters?projection=delegation-board&limit=10&offset=0", null,
                401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/dead-letters/no-such-letter", null, 401, 403, 403, 403, 403, 404));
        rows.add(row("POST", "/api/admin/dead-letters/no-such-letter/retry", "", 401, 403, 403, 403, 403, 404));
        rows.add(row("POST", "/api/admin/dead-letters/retry?projection=operator-directory", "",
                401, 403, 403, 403, 403, 200));
        rows.add(row("DELETE", "/api/admin/dead-letters/no-such-letter?reason=Matrix", null,
                401, 403, 403, 403, 403, 404));
        String recipient = "{\"address\":\"matrix-{fresh}@ops.example\",\"language\":\"en\"}";
        rows.add(row("GET", "/api/notification-settings/chc", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/notification-settings/desk", null, 401, 200, 404, 404, 200, 403));
        rows.add(row("GET", "/api/notification-settings/no-such-operator", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("POST", "/api/notification-settings/chc/recipients", recipient, 401, 201, 201, 404, 403, 403));
        rows.add(row("POST", "/api/notification-settings/desk/recipients", recipient, 401, 201, 404, 404, 403, 403));
        rows.add(row("DELETE", "/api/notification-settings/chc/recipients/RCP-unknown", null, 401, 404, 404, 404, 403, 403));
        rows.add(row("GET", "/api/notification-settings/chc/recipients/{recipient}", null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/notification-settings/chc/recipients/RCP-unknown", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("GET", "/api/notification-settings/{operator}/webhooks/WH-unknown?minVersion=0", null,
                401, 404, 404, 404, 404, 403));
        rows.add(row("POST", "/api/notification-settings/{operator}/webhooks",
                "{\"url\":\"http://127.0.0.1:9/matrix/{fresh}\"}", 401, 201, 404, 404, 403, 403));
        rows.add(row("POST", "/api/notification-settings/{operator}/webhooks/WH-unknown/secret-rotation", "",
                401, 404, 404, 404, 403, 403));
        rows.add(row("DELETE", "/api/notification-settings/{operator}/webhooks/WH-unknown", null, 401, 404, 404, 404, 403, 403));
        rows.add(row("GET", "/api/admin/notifications", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/notifications?status=FAILED&channel=WEBHOOK&limit=10&offset=0", null,
                401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/api/admin/notifications/msg_unknown", null, 401, 403, 403, 403, 403, 404));
        rows.add(row("POST", "/api/admin/notifications/msg_unknown/retry", "", 401, 403, 403, 403, 403, 404));
        rows.add(row("GET", "/api/admin/dead-letters?projection=notification-webhooks", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("POST", "/api/admin/dead-letters/retry?projection=notification-webhooks", "",
                401, 403, 403, 403, 403, 200));
        rows.add(row("POST", "/api/imports?dryRun=true", IMPORT, 401, 202, 403, 403, 403, 403));
        rows.add(row("GET", "/api/imports/{import}", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/imports/IMP-unknown", null, 401, 404, 403, 403, 404, 403));
        rows.add(row("GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", "/actuator/info", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/actuator/prometheus", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/actuator/health/projection-status", null, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", "/v3/api-docs", null, 200, 200, 200, 200, 200, 200));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyWhatItsRoleAllows(String method, String path, String body, Map<String, Integer> expected) {
        for (String caller : CALLERS) {
            Api api = caller.equals("anonymous") ? new Api(port) : new Api(port).as(caller);
            String resolved = resolve(path);
            String resolvedBody = "ITINERARY".equals(body) ? itinerary(tripYear(openTrip)) : body;
            resolvedBody = resolvedBody == null ? null : resolvedBody.replace("{fresh}", UUID.randomUUID().toString());
            Api.Response response = api.send(request(method, resolved, resolvedBody), Map.of());
            assertThat(response.status()).as("%s %s as %s", method, resolved, caller).isEqualTo(expected.get(caller));
            if (response.status() >= 400) {
                assertThat(response.contentType()).as("%s %s as %s", method, resolved, caller)
                        .startsWith("application/problem+json");
            }
        }
    }

    /** Every read of the matrix. */
    Stream<Arguments> reads() {
        return matrix().filter(row -> row.get()[0].equals("GET"));
    }

    /** A HEAD is a GET without its body: each caller is answered as its GET of the same path is. */
    @ParameterizedTest(name = "HEAD {1}")
    @MethodSource("reads")
    void eachCallerMayHeadExactlyWhatItMayGet(String method, String path, String body,
                                              Map<String, Integer> expected) {
        for (String caller : CALLERS) {
            Api api = caller.equals("anonymous") ? new Api(port) : new Api(port).as(caller);
            String resolved = resolve(path);
            Api.Response response = api.send(request("HEAD", resolved, null), Map.of());
            assertThat(response.status()).as("HEAD %s as %s", resolved, caller).isEqualTo(expected.get(caller));
        }
    }

    private String resolve(String path) {
        return path.replace("{id}", delegationId).replace("{operator}", operatorCode)
                .replace("{openTrip}", openTrip).replace("{participant}", participantId)
                .replace("{readyTrip}", readyTrip).replace("{approvedTrip}", approvedTrip)
                .replace("{tripToCancel}", tripToCancel).replace("{import}", importId)
                .replace("{venue}", venueId).replace("{partner}", partnerId)
                .replace("{itineraryItem}", itineraryItemId).replace("{removableItem}", removableItemId)
                .replace("{keptParticipant}", keptParticipantId).replace("{recipient}", recipientId);
    }

    /**
     * The delegation lifecycle's commands: each caller gets a fresh delegation in the state the command needs,
     * routed to chc (lead) and copcap, so that one caller's success does not change what the next one meets.
     */
    Stream<Arguments> lifecycleMatrix() {
        String reason = "{\"reason\":\"Matrix\"}";
        String item = "{\"kind\":\"MEETING\",\"title\":\"Matrix\",\"startsAt\":\"2027-09-07T10:00:00+02:00\","
                + "\"endsAt\":\"2027-09-07T11:00:00+02:00\",\"venueId\":\"{venue}\"}";
        String coverage = "{\"payer\":\"Host\",\"basis\":\"Agreement\",\"amount\":100}";
        String outcome = "{\"summary\":\"Done\",\"investmentLeads\":1}";
        List<Arguments> rows = new ArrayList<>();
        //                     method  path                                         body      state          anon desk chc  clean aud  admin
        rows.add(lifecycle("POST", "/api/delegations/{d}/screening", "{}", "registered", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/routing", "{}", "screened", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("PUT", "/api/delegations/{d}/business-opportunity",
                "{\"businessOpportunity\":\"Matrix\"}", "screened", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("PUT", "/api/delegations/{d}/request", "{\"channel\":\"DIRECT\",\"requestingOrganisation\":"
                + "\"Matrix\",\"country\":\"CN\",\"originProvince\":\"Jiangsu\",\"delegationType\":\"ADMINISTRATIVE\","
                + "\"politicalLevel\":\"PROVINCIAL\",\"headCount\":9,\"wishedFrom\":\"2027-09-06\",\"wishedTo\":"
                + "\"2027-09-10\",\"themes\":[\"HEALTH_WELFARE_TECH\"],\"dateReceived\":\"2026-01-05\",\"reason\":"
                + "\"Matrix\"}", "registered", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/assignments/chc/acceptance", null, "routed", 401, 200, 200, 404, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/programme-reopening", reason, "confirmed", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/assignments/chc/decline", reason, "routed", 401, 200, 200, 404, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"More\"}", "routed", 401, 201, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/scope-expansions/{scope}/approval", null, "scope", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/scope-expansions/{scope}/rejection", reason, "scope", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/programme-items", item, "accepted", 401, 201, 201, 404, 403, 403));
        rows.add(lifecycle("PUT", "/api/delegations/{d}/programme-items/{item}", item, "planned", 401, 200, 200, 404, 403, 403));
        rows.add(lifecycle("DELETE", "/api/delegations/{d}/programme-items/{item}", null, "planned", 401, 200, 200, 404, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/programme-items/{item}/cost-coverage", coverage, "planned",
                401, 200, 200, 404, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/confirmation", null, "planned", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/cancellation", reason, "routed", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/withdrawal", reason, "planned", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/decline", reason, "screened", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("POST", "/api/delegations/{d}/completion", outcome, "confirmed", 401, 200, 200, 404, 403, 403));
        // copcap supports; chc leads, and reports its figures at completion
        rows.add(lifecycle("PUT", "/api/delegations/{d}/supporting-outcomes/copcap", outcome, "completed",
                401, 200, 404, 404, 403, 403));
        rows.add(lifecycle("PUT", "/api/delegations/{d}/supporting-outcomes/chc", outcome, "completed",
                401, 422, 422, 404, 403, 403));
        String member = "{\"name\":\"Matrix Member\",\"email\":\"m@example.cn\"}";
        rows.add(lifecycle("POST", "/api/delegations/{d}/members", member, "registered", 401, 201, 403, 403, 403, 403));
        rows.add(lifecycle("DELETE", "/api/delegations/{d}/members/{member}", null, "member", 401, 200, 403, 403, 403, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/members", null, "member", 401, 200, 404, 404, 200, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/members/{member}", null, "member", 401, 200, 404, 404, 200, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/members/MEM-unknown", null, "member",
                401, 404, 404, 404, 404, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/programme-items/{item}", null, "planned",
                401, 200, 200, 404, 200, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/scope-expansions/{scope}?minVersion=0", null, "scope",
                401, 200, 200, 404, 200, 403));
        rows.add(lifecycle("GET", "/api/delegations/{d}/members", null, "accepted", 401, 200, 200, 404, 200, 403));
        rows.add(lifecycle("GET", "/api/persons/{person}", null, "member", 401, 200, 403, 403, 200, 403));
        rows.add(lifecycle("GET", "/api/persons/{person}/records", null, "member", 401, 200, 403, 403, 200, 200));
        rows.add(lifecycle("POST", "/api/persons/{person}/erasure", "{\"legalBasis\":\"Matrix\"}", "member",
                401, 200, 403, 403, 403, 200));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lifecycleMatrix")
    void eachCallerMeetsTheLifecycleCommandsAsItsRoleAllows(String method, String path, String body, String state,
                                                            Map<String, Integer> expected) {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        for (String caller : CALLERS) {
            Map<String, String> fixture = delegationIn(lifecycle, state, lifecycle.venue());
            Api api = caller.equals("anonymous") ? new Api(port) : new Api(port).as(caller);
            String resolved = path;
            String resolvedBody = body;
            for (Map.Entry<String, String> placeholder : fixture.entrySet()) {
                resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
                resolvedBody = resolvedBody == null ? null : resolvedBody.replace(placeholder.getKey(), placeholder.getValue());
            }
            Api.Response response = api.send(request(method, resolved, resolvedBody), Map.of());
            assertThat(response.status()).as("%s %s as %s: %s", method, path, caller, response.body())
                    .isEqualTo(expected.get(caller));
            if (response.status() >= 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
    }

    /** Live streams stay open, so each is read only up to its status and then closed. */
    Stream<Arguments> streams() {
        return Stream.of(
                row("GET", "/api/operators/chc/inbox/stream", null, 401, 200, 200, 404, 200, 403),
                row("GET", "/api/operators/clean/inbox/stream", null, 401, 200, 404, 200, 200, 403));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streams")
    void eachCallerGetsExactlyTheStreamsItsRoleAllows(String method, String path, String body,
                                                      Map<String, Integer> expected) {
        for (String caller : CALLERS) {
            try (EventStream stream = EventStream.open(port, path, caller.equals("anonymous") ? null : caller, null)) {
                assertThat(stream.status()).as("%s %s as %s", method, path, caller).isEqualTo(expected.get(caller));
                if (stream.status() >= 400) {
                    assertThat(stream.contentType()).as("%s %s as %s", method, path, caller)
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    private static Map<String, String> delegationIn(Lifecycle lifecycle, String state, String venue) {
        String organisation = "Matrix " + UUID.randomUUID();
        Map<String, String> fixture = new java.util.HashMap<>();
        String id;
        switch (state) {
            case "registered" -> id = Lifecycle.ok(lifecycle.desk().post("/api/delegations",
                    Requests.delegation(organisation))).json().get("id").asString();
            case "screened" -> id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
            case "member" -> {
                id = Lifecycle.ok(lifecycle.desk().post("/api/delegations", Requests.delegation(organisation)))
                        .json().get("id").asString();
                var added = Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/members",
                        "{\"name\":\"Matrix Member\"}")).json();
                fixture.put("{member}", added.get("id").asString());
                fixture.put("{person}", added.get("personId").asString());
                lifecycle.desk().getUntil("/api/persons/" + added.get("personId").asString(), r -> r.status() == 200,
                        Duration.ofSeconds(10));
            }
            case "routed", "scope" -> {
                id = lifecycle.registeredAndScreened(Requests.delegation(organisation, "ADMINISTRATIVE",
                        "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Partners"));
                Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
                if (state.equals("scope")) {
                    String scope = Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                            "{\"themes\":[\"TOURISM\"],\"reason\":\"More\"}")).json().get("id").asString();
                    fixture.put("{scope}", scope);
                    lifecycle.desk().getUntil("/api/delegations/" + id, r -> r.body().contains(scope),
                            Duration.ofSeconds(10));
                }
            }
            default -> {
                id = lifecycle.accepted(organisation, "2025-08-01"); // its item below has begun
                // what an operator reads comes from the board, which follows the commands asynchronously
                lifecycle.as("chc").getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10));
                if (!state.equals("accepted")) {
                    String item = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null,
                            "2025-09-08T10:00:00+02:00", "2025-09-08T11:00:00+02:00");
                    fixture.put("{item}", item);
                    lifecycle.desk().getUntil("/api/delegations/" + id, r -> r.body().contains(item),
                            Duration.ofSeconds(10));
                }
                if (state.equals("confirmed") || state.equals("completed")) {
                    Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));
                }
                if (state.equals("completed")) {
                    Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/completion",
                            "{\"summary\":\"Done\",\"investmentLeads\":1}"));
                }
            }
        }
        fixture.put("{d}", id);
        fixture.put("{venue}", venue);
        return fixture;
    }

    private static Arguments lifecycle(String method, String path, String body, String state, int... statuses) {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            expected.put(CALLERS.get(i), statuses[i]);
        }
        return Arguments.of(method, path, body, state, expected);
    }

    private String tripYear(String trip) {
        return new Api(port).as("desk").get("/api/trips/" + trip).json().get("startDate").asString().substring(0, 4);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", path.startsWith("/api/imports") ? "text/csv" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static Arguments row(String method, String path, String body, int... statuses) {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            expected.put(CALLERS.get(i), statuses[i]);
        }
        return Arguments.of(method, path, body, expected);
    }
}
