package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.registration;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.offeredLead;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desk records, on the board: country, date received and the kind's sector are shown, on the board and for
 * one delegation, and filter the board together with the state of a delegation's assignments; a bad filter value
 * is a 400 naming the parameter.
 */
@OpeIntegrationTest
class BoardOriginFiltersTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;
    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    @Test
    void theBoardShowsAndFiltersCountryDateReceivedSectorTypeAndAssignmentState() {
        String tag = "Origin" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = randomFutureDay();
        DelegationId swedish = DelegationId.newId();
        DelegationId chinese = DelegationId.newId();
        log.append("Delegation", swedish.value(), registered(swedish, tag + " Volvo Cars", "SE", null,
                        DelegationType.BUSINESS, day, LocalDate.of(2026, 2, 3)),
                routed(swedish, "clean"), offered(swedish, "clean", AssignmentRole.LEAD,
                        Instant.now().minus(1, ChronoUnit.DAYS)),
                new AssignmentEscalatedEvent(swedish, new OperatorId("clean"), Instant.now().minus(1, ChronoUnit.DAYS)));
        log.append("Delegation", chinese.value(), registered(chinese, tag + " Jiangsu Health", "CN", "Jiangsu",
                DelegationType.ADMINISTRATIVE, day, LocalDate.of(2026, 3, 10)), routed(chinese, "chc"),
                offeredLead(chinese, "chc"));

        JsonNode one = desk.get("/api/delegations/" + swedish + "?minVersion=3").json();
        assertThat(one.get("country").asString()).isEqualTo("SE");
        assertThat(one.get("dateReceived").asString()).isEqualTo("2026-02-03");
        assertThat(one.get("delegationType").asString()).isEqualTo("BUSINESS");
        assertThat(one.get("sector").asString()).isEqualTo("PRIVATE");
        assertThat(one.path("originProvince").isMissingNode() || one.get("originProvince").isNull()).isTrue();
        desk.get("/api/delegations/" + chinese + "?minVersion=2");
        JsonNode row = desk.get("/api/delegations?q=" + tag + "&country=CN").json().get("items").get(0);
        assertThat(row.get("id").asString()).isEqualTo(chinese.value());
        assertThat(row.get("sector").asString()).isEqualTo("PUBLIC");
        assertThat(row.get("dateReceived").asString()).isEqualTo("2026-03-10");
        assertThat(row.get("originProvince").asString()).isEqualTo("Jiangsu");

        assertThat(ids("?q=" + tag)).containsExactly(chinese.value(), swedish.value());
        assertThat(ids("?q=" + tag + "&country=SE")).containsExactly(swedish.value());
        assertThat(ids("?q=" + tag + "&sector=PRIVATE")).containsExactly(swedish.value());
        assertThat(ids("?q=" + tag + "&sector=PUBLIC")).containsExactly(chinese.value());
        assertThat(ids("?q=" + tag + "&sector=ACADEMIC")).isEmpty();
        assertThat(ids("?q=" + tag + "&type=ADMINISTRATIVE")).containsExactly(chinese.value());
        assertThat(ids("?q=" + tag + "&type=ADMINISTRATIVE&sector=PRIVATE")).as("filters combine").isEmpty();
        assertThat(ids("?q=" + tag + "&receivedFrom=2026-03-01")).containsExactly(chinese.value());
        assertThat(ids("?q=" + tag + "&receivedTo=2026-02-03")).containsExactly(swedish.value());
        assertThat(ids("?q=" + tag + "&receivedFrom=2026-02-03&receivedTo=2026-03-10"))
                .containsExactly(chinese.value(), swedish.value());
        assertThat(ids("?q=" + tag + "&assignmentState=ESCALATED")).containsExactly(swedish.value());
        assertThat(ids("?q=" + tag + "&assignmentState=OFFERED")).containsExactly(chinese.value());
        assertThat(ids("?q=" + tag + "&assignmentState=ACCEPTED")).isEmpty();
    }

    @Test
    void aBadFilterValueIsRefusedNamingTheParameter() {
        for (String country : List.of("se", "XX", "SWE")) {
            Api.Response refused = desk.get("/api/delegations?country=" + country);
            assertThat(refused.status()).as(country).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_COUNTRY");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("country");
        }
        Api.Response period = desk.get("/api/delegations?receivedFrom=2026-03-01&receivedTo=2026-02-01");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().get("code").asString()).isEqualTo("INVALID_PERIOD");
        assertThat(period.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedTo");
        for (String parameter : List.of("sector=STATE", "type=SPY", "assignmentState=LOST", "receivedFrom=yesterday")) {
            Api.Response refused = desk.get("/api/delegations?" + parameter);
            assertThat(refused.status()).as(parameter).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).as(parameter).isEqualTo("INVALID_PARAMETER");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(parameter)
                    .isEqualTo(parameter.substring(0, parameter.indexOf('=')));
        }
    }

    private static DelegationRegisteredEvent registered(DelegationId id, String organisation, String country,
                                                        String province, DelegationType type, LocalDate day,
                                                        LocalDate received) {
        return registration(id, organisation).channel(Channel.DIRECT).origin(country, province, null).type(type)
                .level(PoliticalLevel.NONE).headCount(6).dates(day, day).received(received).themes(Theme.GREEN_GROWTH)
                .purpose("Visit").opportunity("Partners").event();
    }

    private List<String> ids(String query) {
        Api.Response page = desk.get("/api/delegations" + query);
        assertThat(page.status()).as(query + ": " + page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
