package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.PoisonSwitch;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.item;
import static dk.greatercph.ope.app.support.DelegationEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event is skipped by a projection: an event a projection cannot apply is parked in its dead-letter queue with
 * the rest of its aggregate's events, every other aggregate flows on, administrators see it, and a retry after the
 * fix completes the view (fault test F5).
 */
@OpeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    Api desk;
    Api admin;
    @Autowired
    EventLog log;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
        admin = new Api(port).as("admin");
    }

    @Test
    void poisonEventIsParkedOthersFlowOnAndARetryAfterTheFixCompletesTheViewF5() {
        String marker = "F5 poison " + UUID.randomUUID();
        PoisonSwitch.poison("delegation-board", marker);
        try {
            String poisoned = new Lifecycle(new Api(port)).registeredAndScreened(Requests.delegation(marker));
            String healthy = created(desk.post("/api/delegations", Requests.delegation("F5 healthy " + UUID.randomUUID())));

            assertThat(desk.getUntil("/api/delegations/" + healthy, r -> r.status() == 200, WAIT).status())
                    .as("other aggregates flow on").isEqualTo(200);
            List<JsonNode> letters = lettersOf("delegation-board", poisoned, 2);
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).get("eventType").asString()).endsWith("DelegationRegisteredEvent");
            assertThat(letters.get(0).get("cause").get("message").asString()).contains(marker);
            assertThat(letters.get(1).get("eventType").asString()).endsWith("DelegationScreenedEvent");
            assertThat(desk.get("/api/delegations/" + poisoned).status()).isEqualTo(404);

            JsonNode one = admin.get("/api/admin/dead-letters/" + letters.get(0).get("id").asString()).json();
            assertThat(one.get("letter").get("aggregateId").asString()).isEqualTo(poisoned);
            assertThat(one.get("payload").asString()).contains(marker);
            assertThat(one.get("metaData").asString()).contains("\"actor\"");

            JsonNode status = admin.get("/api/admin/projections/delegation-board").json();
            assertThat(status.get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(status.get("error").asBoolean()).isFalse();

            JsonNode health = admin.get("/actuator/health").json();
            assertThat(health.get("status").asString()).as("one view's dead letters do not take the application down")
                    .isEqualTo("UP");
            JsonNode projections = health.get("components").get("projections");
            assertThat(projections.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(projections.get("details").get("delegation-board").get("status").asString())
                    .isEqualTo("OUT_OF_SERVICE");
            assertThat(projections.get("details").get("delegation-board").get("deadLetters").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(admin.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
            JsonNode anonymous = new Api(port).get("/actuator/health").json();
            assertThat(anonymous.get("status").asString()).isEqualTo("UP");
            assertThat(anonymous.has("components")).as("details only for administrators").isFalse();

            JsonNode stillFailing = admin.post("/api/admin/dead-letters/" + letters.get(1).get("id").asString()
                    + "/retry", "").json();
            assertThat(stillFailing.get("sequencesCompleted").asInt()).isZero();
            assertThat(stillFailing.get("remaining").asLong()).isEqualTo(2);
            assertThat(desk.get("/api/delegations/" + poisoned).status()).isEqualTo(404);

            PoisonSwitch.cure(marker);
            Api.Response retried = admin.post("/api/admin/dead-letters/" + letters.get(0).get("id").asString()
                    + "/retry", "");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("sequencesCompleted").asInt()).isEqualTo(1);
            assertThat(retried.json().get("remaining").asLong()).isZero();

            JsonNode view = desk.get("/api/delegations/" + poisoned).json();
            assertThat(view.get("requestingOrganisation").asString()).isEqualTo(marker);
            assertThat(view.get("version").asLong()).as("the parked later event was applied too").isEqualTo(1);
            assertThat(lettersOf("delegation-board", poisoned, 0)).isEmpty();
            assertThat(admin.get("/api/admin/dead-letters/" + letters.get(0).get("id").asString()).json()
                    .get("code").asString()).isEqualTo("DEAD_LETTER_NOT_FOUND");

            String later = created(desk.post("/api/delegations", Requests.delegation(marker + " again")));
            assertThat(desk.getUntil("/api/delegations/" + later, r -> r.status() == 200, WAIT).status())
                    .as("the projection applies new events of the cured kind").isEqualTo(200);
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void aNulInAPurposeParksTheEventVisiblyInsteadOfSkippingIt() {
        DelegationId id = DelegationId.newId();
        log.append("Delegation", id.value(), registration(id, "NUL test " + id)
                .purpose("Study\u0000visit").opportunity("Tele-health").event());

        List<JsonNode> letters = lettersOf("delegation-board", id.value(), 1);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("cause").get("type").asString()).isNotBlank();
        assertThat(desk.get("/api/delegations/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/projections/delegation-board").json().get("deadLetters").asLong())
                .isPositive();

        Api.Response viaApi = desk.post("/api/delegations", """
                {"channel":"EMBASSY","requestingOrganisation":"NUL via API","originProvince":"Jiangsu",
                 "originCity":"Nanjing","delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL",
                 "headCount":12,"wishedFrom":"2027-04-12","wishedTo":"2027-04-16",
                 "themes":["HEALTH_WELFARE_TECH"],"purpose":"Study\\u0000visit"}""");
        assertThat(viaApi.status()).as("refused at the edge, or recorded and then parked — never skipped")
                .isIn(201, 400);
        if (viaApi.status() == 201) {
            assertThat(lettersOf("delegation-board", viaApi.json().get("id").asString(), 1)).hasSize(1);
            evictAll(viaApi.json().get("id").asString());
        }
        evictAll(id.value());
    }

    @Test
    void aRefusedRowInTheMiddleOfABatchIsParkedAloneAndTheRestOfTheBatchIsApplied() {
        StreamingEventProcessor board = processing.eventProcessor("delegation-board", StreamingEventProcessor.class)
                .orElseThrow();
        DelegationId before = DelegationId.newId();
        DelegationId refused = DelegationId.newId();
        DelegationId after = DelegationId.newId();
        board.shutDown();
        try {
            log.append("Delegation", before.value(), registration(before, "Batch before " + before).event());
            log.append("Delegation", refused.value(), registration(refused, "Batch NUL " + refused)
                    .purpose("Study\u0000visit").event());
            log.append("Delegation", after.value(), registration(after, "Batch after " + after).event());
        } finally {
            board.start();
        }

        assertThat(desk.getUntil("/api/delegations/" + after, r -> r.status() == 200, WAIT).status())
                .as("the event after the refused one, in the same batch").isEqualTo(200);
        assertThat(desk.get("/api/delegations/" + before).status()).isEqualTo(200);
        assertThat(lettersOf("delegation-board", refused.value(), 1)).hasSize(1);
        assertThat(desk.get("/api/delegations/" + refused).status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/projections/delegation-board").json().get("error").asBoolean()).isFalse();
        evictAll(refused.value());
    }

    /**
     * The schedule, the KPIs, the notifier and the annual report send their handlers' writes when the batch
     * commits: a write refused there still parks its own event alone, and the events before and after it in the
     * batch are applied. (A NUL in a province and in an item's title: the command side's lookups keep neither, so a
     * rebuild of them is not disturbed.)
     */
    @Test
    void aWriteRefusedWhenItsBatchCommitsParksItsEventAloneInEveryProjectionThatWritesAtTheEnd() {
        List<String> projections = List.of("schedule", "kpi", "notifications", "annual-report");
        List<StreamingEventProcessor> processors = projections.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                .toList();
        DelegationId before = DelegationId.newId();
        DelegationId refused = DelegationId.newId();
        DelegationId after = DelegationId.newId();
        Instant starts = Instant.parse("2031-05-06T08:00:00Z");
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            for (DelegationId id : List.of(before, refused, after)) {
                boolean nul = id.equals(refused);
                log.append("Delegation", id.value(), registration(id, "Written with the batch " + id)
                        .origin("CN", nul ? "Jiang\u0000su" : "Jiangsu", "Nanjing").event());
                log.append("Delegation", id.value(), item(id, "ITM-1", nul ? "Tea\u0000tasting" : "Tea tasting",
                        starts, starts.plusSeconds(3600), null, null));
            }
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }

        for (String projection : projections) {
            assertThat(lettersOf(projection, refused.value(), 1)).as(projection).hasSize(1);
        }
        for (String table : List.of("kpi_delegation", "schedule_item", "notification_item", "annual_report_delegation")) {
            assertThat(jdbc.sql("SELECT delegation_id FROM " + table + " WHERE delegation_id IN (:ids)")
                    .param("ids", List.of(before.value(), refused.value(), after.value()))
                    .query(String.class).set())
                    .as("the events before and after the refused one, in the same batch, in " + table)
                    .containsExactlyInAnyOrder(before.value(), after.value());
        }
        for (String projection : projections) {
            assertThat(admin.get("/api/admin/projections/" + projection).json().get("error").asBoolean())
                    .as(projection).isFalse();
        }
        // the board parks the registration and the item after it
        assertThat(lettersOf("delegation-board", refused.value(), 2)).hasSize(2);
        evictAll(refused.value());
    }

    @Test
    void evictingNeedsAReasonAndRecordsWhoEvictedWhat() {
        String marker = "Evict " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            String venue = created(desk.post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":20}"));
            JsonNode letter = lettersOf("reference-names", venue, 1).get(0);
            String id = letter.get("id").asString();

            assertThat(delete(id, null).json().get("code").asString()).isEqualTo("REASON_REQUIRED");
            assertThat(delete(id, null).json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
            assertThat(delete(id, "  ").json().get("code").asString()).isEqualTo("REASON_REQUIRED");
            assertThat(delete("no-such-letter", "gone").json().get("code").asString())
                    .isEqualTo("DEAD_LETTER_NOT_FOUND");
            assertThat(admin.get("/api/admin/dead-letters/" + id).status()).isEqualTo(200);

            assertThat(delete(id, "Venue of a test; named again later").status()).isEqualTo(204);

            assertThat(admin.get("/api/admin/dead-letters/" + id).status()).isEqualTo(404);
            Map<String, Object> eviction = jdbc.sql("SELECT * FROM dead_letter_eviction WHERE dead_letter_id = :id")
                    .param("id", id).query().singleRow();
            assertThat(eviction.get("projection")).isEqualTo("reference-names");
            assertThat(eviction.get("sequence_identifier")).isEqualTo(venue);
            assertThat(eviction.get("reason")).isEqualTo("Venue of a test; named again later");
            assertThat(eviction.get("evicted_by")).isEqualTo("admin");
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void deadLettersAreListedPerProjectionAndPaged() {
        String marker = "Paging " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            for (int i = 0; i < 3; i++) {
                created(desk.post("/api/partners", "{\"name\":\"" + marker + " " + i + "\",\"kind\":\"HOSPITAL\"}"));
            }
            admin.getUntil("/api/admin/dead-letters?projection=reference-names&limit=500",
                    r -> r.json().get("items").valueStream().filter(l -> payloadOf(l).contains(marker)).count() == 3, WAIT);

            JsonNode first = admin.get("/api/admin/dead-letters?projection=reference-names&limit=2").json();
            assertThat(first.get("items")).hasSize(2);
            assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
            JsonNode second = admin.get("/api/admin/dead-letters?projection=reference-names&limit=2&offset="
                    + first.get("next").asLong()).json();
            assertThat(second.get("items").size()).isPositive();
            assertThat(second.get("items").get(0).get("id").asString())
                    .isNotIn(first.get("items").get(0).get("id").asString(), first.get("items").get(1).get("id").asString());
            assertThat(admin.get("/api/admin/dead-letters?projection=schedule&limit=500").json().get("items")
                    .valueStream().map(l -> l.get("projection").asString())).allMatch("schedule"::equals);
            assertThat(admin.get("/api/admin/dead-letters?limit=501").status()).isEqualTo(400);
            assertThat(admin.get("/api/admin/dead-letters?projection=no-such-projection").json().get("code")
                    .asString()).isEqualTo("PROJECTION_NOT_FOUND");
            assertThat(admin.get("/api/admin/dead-letters?projection=%00").json().get("code").asString())
                    .as("a control character is refused at the edge, naming the parameter").isEqualTo("INVALID_TEXT");
            assertThat(admin.post("/api/admin/dead-letters/a%09b/retry", "").json().get("code").asString())
                    .as("so is a TAB in a path variable").isEqualTo("INVALID_TEXT");

            PoisonSwitch.cure(marker);
            JsonNode all = admin.post("/api/admin/dead-letters/retry?projection=reference-names", "").json();
            assertThat(all.get("remaining").asLong()).isZero();
            assertThat(all.get("sequencesCompleted").asInt()).isEqualTo(all.get("sequencesRetried").asInt())
                    .isGreaterThanOrEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM partner_name WHERE name LIKE :marker")
                    .param("marker", marker + "%").query(Long.class).single()).isEqualTo(3);
            assertThat(admin.post("/api/admin/dead-letters/retry", "").json().get("code").asString())
                    .isEqualTo("PROJECTION_REQUIRED");
            assertThat(admin.post("/api/admin/dead-letters/retry?projection=nope", "").json().get("code").asString())
                    .isEqualTo("PROJECTION_NOT_FOUND");
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void aReplayClearsTheProjectionsDeadLettersAndParksAgainWhatStillFails() {
        String marker = "Replay poison " + UUID.randomUUID();
        PoisonSwitch.poison("schedule", marker);
        try {
            String delegation = created(desk.post("/api/delegations", Requests.delegation(marker)));
            String before = lettersOf("schedule", delegation, 1).get(0).get("id").asString();

            Api.Response replay = admin.post("/api/admin/projections/schedule/replay", "");
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.json().get("replaying").asBoolean()).as("replaying right after the request").isTrue();
            assertThat(admin.getUntil("/api/admin/projections/schedule",
                    r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json()
                    .get("replaying").asBoolean()).isFalse();

            List<JsonNode> after = lettersOf("schedule", delegation, 1);
            assertThat(after).hasSize(1);
            assertThat(after.get(0).get("id").asString()).as("the old letter was cleared with the projection")
                    .isNotEqualTo(before);

            PoisonSwitch.cure(marker);
            assertThat(admin.post("/api/admin/dead-letters/" + after.get(0).get("id").asString() + "/retry", "")
                    .json().get("remaining").asLong()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM schedule_delegation WHERE delegation_id = :id")
                    .param("id", delegation).query(Long.class).single()).isEqualTo(1);
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void aParallelReplayThatFailsIsDoneByTheProcessorFromTheStartAndParksWhatFails(CapturedOutput output) {
        String marker = "Parallel poison " + UUID.randomUUID();
        PoisonSwitch.poison("delegation-board", marker);
        try {
            String poisoned = created(desk.post("/api/delegations", Requests.delegation(marker)));
            String healthy = created(desk.post("/api/delegations", Requests.delegation("Parallel " + UUID.randomUUID())));
            String before = lettersOf("delegation-board", poisoned, 1).get(0).get("id").asString();

            Api.Response replay = admin.post("/api/admin/projections/delegation-board/replay", "");
            assertThat(replay.status()).isEqualTo(202);
            JsonNode finished = admin.getUntil("/api/admin/projections/delegation-board",
                    r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json();
            assertThat(finished.get("lastReplay").get("method").asString())
                    .as("the parallel run stopped at the poisoned event; the processor replayed it all instead")
                    .isEqualTo("PROCESSOR");
            assertThat(finished.get("replaying").asBoolean()).isFalse();
            assertThat(output.getAll()).as("it was tried in parallel first")
                    .contains("The parallel replay of delegation-board failed");

            List<JsonNode> after = lettersOf("delegation-board", poisoned, 1);
            assertThat(after).hasSize(1);
            assertThat(after.get(0).get("id").asString()).as("the old letter was cleared with the projection")
                    .isNotEqualTo(before);
            assertThat(desk.get("/api/delegations/" + healthy).status())
                    .as("the other delegations are on the board again").isEqualTo(200);

            PoisonSwitch.cure(marker);
            assertThat(admin.post("/api/admin/dead-letters/" + after.get(0).get("id").asString() + "/retry", "")
                    .json().get("remaining").asLong()).isZero();
            assertThat(desk.get("/api/delegations/" + poisoned).status()).isEqualTo(200);
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void aProjectionThisNodeDoesNotHoldReportsItsStoredPositionNotTheHead() {
        created(desk.post("/api/venues", "{\"name\":\"Status " + UUID.randomUUID() + "\",\"capacity\":20}"));
        JsonNode held = admin.getUntil("/api/admin/projections/reference-names",
                r -> r.json().get("behindBy").asLong() == 0, WAIT).json();
        assertThat(held.get("behindBy").asLong()).isZero();
        StreamingEventProcessor processor = processing.eventProcessor("reference-names", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            assertThat(processor.processingStatus()).as("no segment is held here now").isEmpty();
            JsonNode elsewhere = admin.get("/api/admin/projections/reference-names").json();
            assertThat(elsewhere.get("position").asLong()).isEqualTo(held.get("position").asLong());
            assertThat(elsewhere.get("behindBy").asLong())
                    .isEqualTo(elsewhere.get("head").asLong() - elsewhere.get("position").asLong())
                    .isLessThan(elsewhere.get("head").asLong());
        } finally {
            processor.start();
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsParkedWithoutItsPersonalDataInTheCauseOrTheLog(CapturedOutput output) {
        String organisation = "Refused org " + UUID.randomUUID();
        String name = "Jane Secretperson " + UUID.randomUUID();
        String email = "jane." + UUID.randomUUID() + "@example.cn";
        String constraint = "test_refuse_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("ALTER TABLE personal_data ADD CONSTRAINT " + constraint
                + " CHECK (organisation IS DISTINCT FROM '" + organisation + "')").update();
        String delegation;
        String letter;
        try {
            delegation = created(desk.post("/api/delegations", Requests.delegation("Refused row " + UUID.randomUUID())));
            Api.Response member = desk.post("/api/delegations/" + delegation + "/members", "{\"name\":\"" + name
                    + "\",\"email\":\"" + email + "\",\"phone\":\"+86 99 1234\",\"organisation\":\""
                    + organisation + "\"}");
            assertThat(member.status()).as(member.body()).isEqualTo(201);

            List<JsonNode> letters = lettersOf("personal-data", delegation, 1);
            String cause = letters.get(0).get("cause").toString();
            JsonNode one = admin.get("/api/admin/dead-letters/" + letters.get(0).get("id").asString()).json();
            letter = letters.get(0).get("id").asString();
            assertThat(cause).as("the database's refusal is the cause").contains(constraint);
            for (String shown : List.of(cause, output.getAll())) {
                assertThat(shown).doesNotContain(name).doesNotContain(email).doesNotContain(organisation);
            }
            assertThat(one.toString()).as("the payload keeps the personal fields sealed")
                    .doesNotContain(name).doesNotContain(email);
        } finally {
            jdbc.sql("ALTER TABLE personal_data DROP CONSTRAINT " + constraint).update();
        }
        JsonNode retried = admin.post("/api/admin/dead-letters/" + letter + "/retry", "").json();
        assertThat(retried.get("sequencesCompleted").asInt()).isEqualTo(1);
        assertThat(lettersOf("personal-data", delegation, 0)).isEmpty();
    }

    @Test
    void aDateNoCalendarCanHoldLeavesOutOneEntryNotTheWholeFeed() {
        TripId poison = TripId.newId();
        TripId ordinary = TripId.newId();
        LocalDate day = LocalDate.of(2099, 6, 1);
        LocalDate farAway = LocalDate.of(9000, 6, 1);
        log.append("Trip", poison.value(), new TripPlannedEvent(poison, 9000, "Endless " + poison, List.of("Beijing"),
                farAway, LocalDate.MAX, personalData.seal(PersonId.newId(), "Chair"), true, "Poison date"));
        log.append("Trip", ordinary.value(), new TripPlannedEvent(ordinary, 2099, "Ordinary " + ordinary,
                List.of("Beijing"), day, day.plusDays(3), personalData.seal(PersonId.newId(), "Chair"), true, "Ordinary"));
        desk.getUntil("/api/trips/" + ordinary, r -> r.status() == 200, WAIT);
        desk.getUntil("/api/trips/" + poison, r -> r.status() == 200, WAIT);

        Api.Response viaApi = desk.post("/api/trips", TripPlan.of(2098).titled("Endless via API").to("Beijing")
                .dates("2098-05-10", "+999999999-12-31").ledBy("Chair").extraordinary("Poison via API").json());
        assertThat(viaApi.status()).as("refused at the edge, or recorded: " + viaApi.body()).isIn(201, 400);
        if (viaApi.status() == 201) {
            desk.getUntil("/api/trips/" + viaApi.json().get("id").asString(), r -> r.status() == 200, WAIT);
        }

        for (String user : List.of("desk", "auditor")) {
            Api.Response feed = new Api(port).as(user).get("/api/schedule.ics");
            assertThat(feed.status()).as(user + ": " + feed.body()).isEqualTo(200);
            assertThat(feed.body()).contains(ordinary + "@one-point-entry").doesNotContain(poison + "@one-point-entry");
            assertThat(new Api(port).as(user).get("/api/schedule").status()).isEqualTo(200);
        }
    }

    @Test
    void aYearWithoutFourDigitsInTheFeedLeavesOutThatEntry() {
        TripId fiveDigits = TripId.newId();
        TripId ordinary = TripId.newId();
        LocalDate day = LocalDate.of(2099, 7, 1);
        log.append("Trip", fiveDigits.value(), new TripPlannedEvent(fiveDigits, 2100, "To the end " + fiveDigits,
                List.of("Nanjing"), LocalDate.of(2100, 12, 31), LocalDate.of(9999, 12, 31),
                personalData.seal(PersonId.newId(), "Chair"), true, "Recorded before the edge refused it"));
        log.append("Trip", ordinary.value(), new TripPlannedEvent(ordinary, 2099, "Ordinary " + ordinary,
                List.of("Nanjing"), day, day.plusDays(3), personalData.seal(PersonId.newId(), "Chair"), true, "Ordinary"));
        desk.getUntil("/api/trips/" + ordinary, r -> r.status() == 200, WAIT);
        desk.getUntil("/api/trips/" + fiveDigits, r -> r.status() == 200, WAIT);

        Api.Response feed = desk.get("/api/schedule.ics");

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains(ordinary + "@one-point-entry")
                .doesNotContain(fiveDigits + "@one-point-entry")
                .doesNotContain("+10000");
    }

    private List<JsonNode> lettersOf(String projection, String aggregate, int expected) {
        String path = "/api/admin/dead-letters?projection=" + projection + "&limit=500";
        return admin.getUntil(path, r -> r.status() == 200 && mine(r.json(), aggregate).size() == expected, WAIT)
                .json().get("items").valueStream()
                .filter(l -> aggregate.equals(l.get("sequence").asString()))
                .sorted(java.util.Comparator.comparingLong(l -> l.get("sequenceIndex").asLong()))
                .toList();
    }

    private static List<JsonNode> mine(JsonNode page, String aggregate) {
        return page.get("items").valueStream().filter(l -> aggregate.equals(l.get("sequence").asString())).toList();
    }

    private String payloadOf(JsonNode letter) {
        return admin.get("/api/admin/dead-letters/" + letter.get("id").asString()).json().get("payload").asString();
    }

    private void evictAll(String aggregate) {
        JsonNode all = admin.get("/api/admin/dead-letters?limit=500").json();
        for (JsonNode letter : mine(all, aggregate)) {
            assertThat(delete(letter.get("id").asString(), "Test data with a NUL, shown parked").status()).isEqualTo(204);
        }
    }

    private Api.Response delete(String id, String reason) {
        String query = reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/dead-letters/"
                + id + query)).DELETE(), Map.of());
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
