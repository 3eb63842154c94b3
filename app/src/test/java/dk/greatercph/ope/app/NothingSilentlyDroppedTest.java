package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sends is recorded as sent or refused naming the field: each of these was answered 2xx while part
 * of it was dropped or met a rule in name only.
 */
@OpeIntegrationTest
class NothingSilentlyDroppedTest {

    @LocalServerPort
    int port;

    @Test
    void aScopeExpansionAskingForAThemeTheDelegationHasIsRefusedNamingIt() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Scope dropped " + UUID.randomUUID());

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + delegation + "/scope-expansions",
                "{\"themes\":[\"AUTHORITY_HEALTH\",\"HEALTH_WELFARE_TECH\"],\"reason\":\"More\"}");

        assertRefused(refused, 400, "NOTHING_TO_EXPAND", "themes[1]");
        assertThat(lifecycle.eventTypes(delegation)).doesNotContain("ScopeExpansionRequestedEvent");
    }

    /** {@code hospital: false} beside kind HOSPITAL was answered 201 and recorded as a hospital. */
    @Test
    void aHospitalPartnerSaidNotToBeAHospitalIsRefusedNamingIt() {
        Api desk = new Api(port).as("desk");

        Api.Response refused = desk.post("/api/partners",
                "{\"name\":\"Contradicted " + UUID.randomUUID() + "\",\"kind\":\"HOSPITAL\",\"hospital\":false}");

        assertRefused(refused, 400, "INVALID_FIELD", "hospital");
        assertThat(desk.post("/api/partners", "{\"name\":\"Agreed " + UUID.randomUUID()
                + "\",\"kind\":\"HOSPITAL\",\"hospital\":true}").status()).isEqualTo(201);
    }

    @Test
    void aRoutingOverrideNamingItsLeadAmongTheSupportingIsRefusedNamingIt() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.registeredAndScreened(Requests.delegation("Override dropped " + UUID.randomUUID()));

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + delegation + "/routing",
                "{\"overrideLead\":\"copcap\",\"overrideSupporting\":[\"chc\",\"copcap\"],\"reason\":\"Known partner\"}");

        assertRefused(refused, 400, "OVERRIDE_LEAD_SUPPORTING", "overrideSupporting[1]");
        assertThat(lifecycle.eventTypes(delegation)).doesNotContain("DelegationRoutedEvent");
    }

    @Test
    void costCoverageOfNothingOrInNoCurrencyIsRefused() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Coverage of nothing " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), delegation, "MEETING", lifecycle.venue(),
                lifecycle.partner("HOSPITAL"), "2031-05-06T10:00:00+02:00", "2031-05-06T11:00:00+02:00");
        String coverage = "/api/delegations/" + delegation + "/programme-items/" + item + "/cost-coverage";

        for (String amount : new String[]{"0", "-0.0", "0.00"}) {
            assertRefused(lifecycle.as("chc").post(coverage,
                    "{\"payer\":\"Nobody pays\",\"basis\":\"none\",\"amount\":" + amount + "}"), 400, null, "amount");
        }
        assertRefused(lifecycle.as("chc").post(coverage,
                "{\"payer\":\"Health commission\",\"basis\":\"Agreement\",\"amount\":100,\"currency\":\"XXX\"}"),
                400, "INVALID_CURRENCY", "currency");
        // counted in the currency's own minor unit: 10.5 yen was recorded, a dinar's third decimal refused
        assertRefused(lifecycle.as("chc").post(coverage,
                "{\"payer\":\"Health commission\",\"basis\":\"Agreement\",\"amount\":10.5,\"currency\":\"JPY\"}"),
                400, "INVALID_AMOUNT", "amount");
        assertRefused(lifecycle.as("chc").post(coverage,
                "{\"payer\":\"Health commission\",\"basis\":\"Agreement\",\"amount\":100.125}"),
                400, "INVALID_AMOUNT", "amount");
        assertThat(lifecycle.eventTypes(delegation)).doesNotContain("CostCoverageRecordedEvent");
        Lifecycle.ok(lifecycle.as("chc").post(coverage,
                "{\"payer\":\"Gulf partner\",\"basis\":\"Agreement\",\"amount\":0.125,\"currency\":\"BHD\"}"));
    }

    @Test
    void anOutcomeNamingTheSameAgreementTwiceIsRefused() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Twice signed " + UUID.randomUUID());

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + delegation + "/completion",
                "{\"summary\":\"Visit\",\"investmentLeads\":1,\"mous\":[\"MoU\",\"MoU\"]}");

        assertRefused(refused, 400, "VALIDATION_FAILED", "mous");
        assertThat(lifecycle.eventTypes(delegation)).doesNotContain("DelegationCompletedEvent");
    }

    /** An item ending in 2999 booked its venue for every delegation confirmed after it (R6). */
    @Test
    void aProgrammeItemLastsAtMostAMonth() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Centuries booked " + UUID.randomUUID());

        Api.Response refused = meeting(lifecycle, delegation, "2027-04-13T18:00:00+02:00", "2999-12-31T22:00:00+01:00");

        assertRefused(refused, 400, "INVALID_TIME_SLOT", "endsAt");
        assertThat(lifecycle.eventTypes(delegation)).doesNotContain("ProgrammeItemAddedEvent");
    }

    /** The same item sent again recorded a change each time, made it tentative again and raised its sequence. */
    @Test
    void aProgrammeItemSentAgainUnchangedRecordsNothing() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Sent again " + UUID.randomUUID());
        String venue = lifecycle.venue();
        Api chc = lifecycle.as("chc");
        String item = lifecycle.item(chc, delegation, "MEETING", venue, null, "2027-09-08T10:00:00+02:00",
                "2027-09-08T11:00:00+02:00");
        String moved = """
                {"kind":"MEETING","title":"Item","startsAt":"2027-09-08T12:00:00+02:00",
                 "endsAt":"2027-09-08T13:00:00+02:00","venueId":"%s"}""".formatted(venue);

        Api.Response first = Lifecycle.ok(chc.put("/api/delegations/" + delegation + "/programme-items/" + item, moved));
        Api.Response again = Lifecycle.ok(chc.put("/api/delegations/" + delegation + "/programme-items/" + item, moved));

        assertThat(first.header("ETag")).isNotNull();
        assertThat(again.header("ETag")).as("the version it had").isEqualTo(first.header("ETag"));
        assertThat(lifecycle.eventTypes(delegation).stream().filter("ProgrammeItemChangedEvent"::equals)).hasSize(1);
    }

    /** The event kept nanoseconds and the views microseconds, so R6's bookings and the aggregate could disagree. */
    @Test
    void aTimeFinerThanAMicrosecondIsRefusedNamingIt() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Nanoseconds " + UUID.randomUUID());

        Api.Response refused = meeting(lifecycle, delegation, "2027-04-13T12:00:00.123456789+02:00",
                "2027-04-13T13:00:00+02:00");

        assertRefused(refused, 400, "INVALID_FIELD", "startsAt");
    }

    /** Chc adds a meeting at a new venue from {@code startsAt} to {@code endsAt}, times written as given. */
    private static Api.Response meeting(Lifecycle lifecycle, String delegation, String startsAt, String endsAt) {
        return lifecycle.as("chc").post("/api/delegations/" + delegation + "/programme-items", """
                {"kind":"MEETING","title":"Meeting","startsAt":"%s","endsAt":"%s","venueId":"%s"}"""
                .formatted(startsAt, endsAt, lifecycle.venue()));
    }

    private static void assertRefused(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        }
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .as(response.body()).contains(field);
    }
}
