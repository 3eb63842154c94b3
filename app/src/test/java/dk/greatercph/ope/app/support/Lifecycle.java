package dk.greatercph.ope.app.support;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a delegation through its lifecycle over HTTP, as the desk and the operators would. */
public final class Lifecycle {

    private final Api api;

    public Lifecycle(Api api) {
        this.api = api;
    }

    public Api desk() {
        return api.as("desk");
    }

    public Api as(String user) {
        return api.as(user);
    }

    /** Registers and screens a delegation; returns its id. */
    public String registeredAndScreened(String body) {
        Api.Response created = desk().post("/api/delegations", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response screened = desk().post("/api/delegations/" + id + "/screening", "{\"businessOpportunityAssessment\":\"Solid\"}");
        assertThat(screened.status()).as(screened.body()).isEqualTo(200);
        return id;
    }

    /** A delegation on health and investment, routed to chc (lead) and copcap, both of whom accepted. */
    public String accepted(String organisation) {
        return accepted(organisation, null);
    }

    /**
     * As {@link #accepted(String)}, received on {@code dateReceived} (null: today): a visit whose programme has
     * begun, so that it may be completed, has items in the past, and no item starts before the request came.
     */
    public String accepted(String organisation, String dateReceived) {
        String id = registeredAndScreened(Requests.receivedOn(Requests.delegation(organisation, "ADMINISTRATIVE",
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners"), dateReceived));
        ok(desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", ""));
        ok(as("copcap").post("/api/delegations/" + id + "/assignments/copcap/acceptance", ""));
        return id;
    }

    /** Registers an operator on soil and water (a theme no seeded lead takes first) named {@code name}; its code. */
    public String operator(String prefix, String name) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ok(desk().post("/api/operators", """
                {"code":"%s","name":"%s","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(code, name)));
        return code;
    }

    /** The desk agrees the operator's targets for the year: {@code targets} is the JSON array of kinds and targets. */
    public void agreeTargets(String operator, int year, String targets) {
        ok(desk().put("/api/operators/" + operator + "/kpi-targets/" + year, "{\"targets\":" + targets + "}"));
    }

    public String venue() {
        return created(desk().post("/api/venues", "{\"name\":\"Venue " + UUID.randomUUID() + "\",\"capacity\":50}"));
    }

    public String partner(String kind) {
        return created(desk().post("/api/partners", "{\"name\":\"Partner " + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\"}"));
    }

    public String item(Api as, String delegation, String kind, String venue, String host, String startsAt, String endsAt) {
        return created(as.post("/api/delegations/" + delegation + "/programme-items", """
                {"kind":"%s","title":"Item","startsAt":"%s","endsAt":"%s","venueId":"%s"%s}"""
                .formatted(kind, startsAt, endsAt, venue, host == null ? "" : ",\"hostId\":\"" + host + "\"")));
    }

    /** The types of the delegation's events, in order, from the audit log. */
    public List<String> eventTypes(String delegation) {
        return events(delegation).valueStream().map(e -> e.get("eventType").asString()).toList();
    }

    public JsonNode events(String delegation) {
        return api.as("auditor").getUntil("/api/audit/events?limit=1000&aggregateId=" + delegation,
                r -> r.status() == 200, Duration.ofSeconds(5)).json().get("items");
    }

    public static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
