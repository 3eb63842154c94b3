package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.EventStream;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator's inbox, and its live push over server-sent events. */
@OpeIntegrationTest
class InboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String STREAM = "/api/operators/chc/inbox/stream";

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Test
    void theInboxListsAnOperatorsAssignmentsByStateWithDueTimeAndOverdueFlag() {
        DelegationId late = offeredTo("chc", Instant.now().minus(1, ChronoUnit.DAYS));
        DelegationId fresh = offeredTo("chc", Instant.now().plus(2, ChronoUnit.DAYS));
        log.append("Delegation", fresh.value(), accepted(fresh, "chc", AssignmentRole.LEAD));
        Api chc = new Api(port).as("chc");

        JsonNode inbox = chc.getUntil("/api/operators/chc/inbox", r -> entry(r.json(), fresh) != null
                && "ACCEPTED".equals(entry(r.json(), fresh).get("state").asString())
                && entry(r.json(), late) != null, Duration.ofSeconds(10)).json();

        assertThat(entry(inbox, late).get("state").asString()).isEqualTo("OFFERED");
        assertThat(entry(inbox, late).get("overdue").asBoolean()).isTrue();
        assertThat(entry(inbox, late).get("requestingOrganisation").asString()).startsWith("Inbox");
        assertThat(entry(inbox, fresh).get("overdue").asBoolean()).isFalse();
        assertThat(inbox.get("countsByState").get("ACCEPTED").asLong()).isPositive();
        assertThat(chc.get("/api/operators/chc/inbox?state=OFFERED").json().get("entries").valueStream()
                .map(e -> e.get("state").asString())).containsOnly("OFFERED");
        assertThat(new Api(port).as("clean").get("/api/operators/chc/inbox").status()).isEqualTo(404);
        assertThat(new Api(port).as("desk").get("/api/operators/no-such-operator/inbox").status()).isEqualTo(404);
    }

    /** An operator that declined reads the delegation as not there: its entry shows nothing that followed. */
    @Test
    void aDeclinedEntryShowsNothingOfWhatBecameOfTheDelegation() {
        dk.greatercph.ope.app.support.Lifecycle lifecycle = new dk.greatercph.ope.app.support.Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(dk.greatercph.ope.app.support.Requests.delegation(
                "Inbox declined " + java.util.UUID.randomUUID(), "ADMINISTRATIVE",
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Partners"));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.as("copcap").post("/api/delegations/" + id
                + "/assignments/copcap/decline", "{\"reason\":\"Full\"}"));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.as("chc").post("/api/delegations/" + id
                + "/assignments/chc/acceptance", ""));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/cancellation",
                "{\"reason\":\"Called off\"}"));
        DelegationId delegation = new DelegationId(id);

        JsonNode copcap = entry(lifecycle.as("copcap").getUntil("/api/operators/copcap/inbox?state=DECLINED",
                r -> entry(r.json(), delegation) != null, Duration.ofSeconds(5)).json(), delegation);
        assertThat(copcap.get("requestingOrganisation").asString()).startsWith("Inbox declined");
        assertThat(copcap.path("delegationStatus").isMissingNode() || copcap.get("delegationStatus").isNull()).isTrue();
        assertThat(copcap.path("themes").isMissingNode() || copcap.get("themes").isNull()).isTrue();
        JsonNode chc = entry(lifecycle.as("chc").getUntil("/api/operators/chc/inbox", r -> entry(r.json(), delegation)
                != null && "CANCELLED".equals(entry(r.json(), delegation).path("delegationStatus").asString()),
                Duration.ofSeconds(5)).json(), delegation);
        assertThat(chc.get("delegationStatus").asString()).as("chc accepted: it was on it").isEqualTo("CANCELLED");
    }

    @Test
    void theStreamPushesANewAssignmentWhileTheConnectionIsOpen() {
        try (EventStream stream = EventStream.open(port, STREAM, "chc", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(e -> "inbox".equals(e.name()), Duration.ofSeconds(5))).isNotNull();

            DelegationId id = DelegationId.newId();
            long appended = System.nanoTime();
            offeredTo(id, "chc", Instant.now().plus(3, ChronoUnit.DAYS));
            EventStream.Event pushed = stream.next(e -> e.data().contains(id.value()), Duration.ofSeconds(10));
            long millis = Duration.ofNanos(System.nanoTime() - appended).toMillis();

            assertThat(pushed).as("pushed on the open stream, without a new request").isNotNull();
            System.out.println("inbox push latency: " + millis + " ms");
            assertThat(pushed.name()).isEqualTo("assignment");
            assertThat(pushed.id()).isNotBlank();
            JsonNode entry = JSON.readTree(pushed.data());
            assertThat(entry.get("state").asString()).isEqualTo("OFFERED");
            assertThat(entry.get("role").asString()).isEqualTo("LEAD");
            assertThat(entry.get("position").asString()).isEqualTo(pushed.id());
            // the entry whole, as the inbox lists it: the push sent the request's facts as null
            assertThat(entry.get("requestingOrganisation").asString()).isEqualTo("Inbox " + id);
            assertThat(entry.get("wishedFrom").isNull()).isFalse();
            assertThat(entry.get("themes").toString()).contains("HEALTH_WELFARE_TECH");
            assertThat(entry.get("dueAt").isNull()).isFalse();
        }
    }

    @Test
    void aReconnectWithLastEventIdFirstGetsWhatItMissedThenLiveUpdates() {
        DelegationId first = DelegationId.newId();
        DelegationId second = DelegationId.newId();
        String lastSeen;
        try (EventStream stream = EventStream.open(port, STREAM, "chc", null)) {
            assertThat(stream.next(e -> "inbox".equals(e.name()), Duration.ofSeconds(5))).isNotNull();
            offeredTo(first, "chc", Instant.now().plus(3, ChronoUnit.DAYS));
            lastSeen = stream.next(e -> e.data().contains(first.value()), Duration.ofSeconds(5)).id();
        }
        log.append("Delegation", first.value(), accepted(first, "chc", AssignmentRole.LEAD));
        offeredTo(second, "chc", Instant.now().plus(3, ChronoUnit.DAYS));
        new Api(port).as("chc").getUntil("/api/operators/chc/inbox",
                r -> entry(r.json(), second) != null, Duration.ofSeconds(10));

        try (EventStream again = EventStream.open(port, STREAM, "chc", lastSeen)) {
            EventStream.Event missedAcceptance = again.next(e -> e.data().contains(first.value()), Duration.ofSeconds(5));
            EventStream.Event missedOffer = again.next(e -> e.data().contains(second.value()), Duration.ofSeconds(5));

            assertThat(missedAcceptance).isNotNull();
            assertThat(JSON.readTree(missedAcceptance.data()).get("state").asString()).isEqualTo("ACCEPTED");
            assertThat(Long.parseLong(missedAcceptance.id())).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(missedOffer).isNotNull();
            assertThat(JSON.readTree(missedOffer.data()).get("state").asString()).isEqualTo("OFFERED");

            log.append("Delegation", second.value(), new AssignmentDeclinedEvent(second, new OperatorId("chc"),
                    AssignmentRole.LEAD, "No capacity", true));
            EventStream.Event live = again.next(e -> e.data().contains(second.value()), Duration.ofSeconds(5));
            assertThat(live).isNotNull();
            assertThat(JSON.readTree(live.data()).get("state").asString()).isEqualTo("DECLINED");
        }
    }

    /**
     * An id past every event seen here was not sent by this stream (another or a restored database): the client gets
     * the inbox, where it got nothing but keep-alives and never learnt its current state.
     */
    @Test
    void aReconnectWithAnIdPastEveryEventGetsTheInbox() {
        try (EventStream stream = EventStream.open(port, STREAM, "chc", Long.toString(Long.MAX_VALUE / 2))) {
            EventStream.Event inbox = stream.next(e -> "inbox".equals(e.name()), Duration.ofSeconds(5));

            assertThat(inbox).isNotNull();
            assertThat(JSON.readTree(inbox.data()).get("operatorId").asString()).isEqualTo("chc");
        }
    }

    /** The stream's ids are event positions: a negative one, or one that is no number, is refused as not sent here. */
    @ParameterizedTest
    @ValueSource(strings = {"-5", "abc", "1.5"})
    void aLastEventIdThisStreamCannotHaveSentIsRefused(String id) {
        try (EventStream stream = EventStream.open(port, STREAM, "chc", id)) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anOperatorCannotOpenAnotherOperatorsStream() {
        try (EventStream stream = EventStream.open(port, STREAM, "clean", null)) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    /**
     * Open assignments first by due time, then the answered ones, the latest change first; the pages of any size
     * carry the same entries in the same order as the whole answer, each once, and counts stay of the whole inbox.
     */
    @Test
    void theInboxComesInPagesOpenOnesFirstByDueTimeThenTheLatestAnswered() {
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        DelegationId dueLater = offeredTo(operator, now.plus(5, ChronoUnit.DAYS));
        DelegationId dueFirst = offeredTo(operator, now.plus(1, ChronoUnit.DAYS));
        // overdue and escalated (R5): it stood below offers not yet due
        DelegationId escalated = offeredTo(operator, now.minus(2, ChronoUnit.DAYS));
        log.append("Delegation", escalated.value(), new AssignmentEscalatedEvent(escalated, new OperatorId(operator),
                now.minus(2, ChronoUnit.DAYS)));
        List<DelegationId> answered = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            DelegationId id = offeredTo(operator, now.plus(2 + n, ChronoUnit.DAYS));
            log.append("Delegation", id.value(), accepted(id, operator, AssignmentRole.LEAD));
            answered.add(0, id);
        }
        Api desk = new Api(port).as("desk");
        String path = "/api/operators/" + operator + "/inbox";
        JsonNode whole = desk.getUntil(path, r -> r.status() == 200
                && r.json().get("countsByState").get("ACCEPTED").asLong() == 3, Duration.ofSeconds(10)).json();

        List<String> expected = new ArrayList<>(List.of(escalated.value(), dueFirst.value(), dueLater.value()));
        answered.forEach(id -> expected.add(id.value()));
        assertThat(ids(whole)).containsExactlyElementsOf(expected);
        assertThat(whole.path("next").isNull() || whole.path("next").isMissingNode()).as(whole.toString()).isTrue();
        for (int size = 1; size <= 3; size++) {
            List<String> paged = new ArrayList<>();
            String page = path + "?limit=" + size;
            while (page != null) {
                JsonNode answer = desk.get(page).json();
                assertThat(answer.get("countsByState").get("OFFERED").asLong()).isEqualTo(2);
                paged.addAll(ids(answer));
                String next = answer.path("next").asString(null);
                page = next == null ? null : path + "?limit=" + size + "&after=" + next;
            }
            assertThat(paged).as("pages of " + size).containsExactlyElementsOf(expected);
        }
        JsonNode open = desk.get(path + "?state=OFFERED&limit=1").json();
        assertThat(ids(open)).containsExactly(dueFirst.value());
        assertThat(ids(desk.get(path + "?state=OFFERED&after=" + open.get("next").asString()).json()))
                .containsExactly(dueLater.value());
        Api.Response foreign = desk.get(path + "?after=c2NoZWR1bGU6MjAyNy0wNC0wMVQxMDowMDowMFp8QktELTE");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(desk.get(path + "?limit=501").json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    private static List<String> ids(JsonNode inbox) {
        return inbox.get("entries").valueStream().map(e -> e.get("delegationId").asString()).toList();
    }

    private DelegationId offeredTo(String operator, Instant due) {
        DelegationId id = DelegationId.newId();
        offeredTo(id, operator, due);
        return id;
    }

    private void offeredTo(DelegationId id, String operator, Instant due) {
        LocalDate day = randomFutureDay();
        log.append("Delegation", id.value(), registered(id, "Inbox " + id, day, day, Theme.HEALTH_WELFARE_TECH),
                routed(id, operator), offered(id, operator, AssignmentRole.LEAD, due));
    }

    private static JsonNode entry(JsonNode inbox, DelegationId id) {
        return inbox.get("entries").valueStream().filter(e -> e.get("delegationId").asString().equals(id.value()))
                .findFirst().orElse(null);
    }
}
