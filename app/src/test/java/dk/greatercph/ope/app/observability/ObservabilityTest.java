package dk.greatercph.ope.app.observability;

import dk.greatercph.ope.app.audit.AuditTestEvent;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.PoisonSwitch;
import dk.greatercph.ope.app.support.Requests;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator of the running system sees: Prometheus metrics for administrators, one correlation id from the
 * request's header to its response, its log lines, its events and the log lines of the projections that handle them,
 * JSON log lines, and the projections health group naming the projection that is behind or has dead letters.
 */
@OpeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactionManager;

    Api desk;
    Api admin;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
        admin = new Api(port).as("admin");
    }

    @Test
    void prometheusMetricsAreForAdministratorsOnly() {
        assertThat(new Api(port).get("/actuator/prometheus").json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        for (String user : List.of("desk", "chc", "auditor")) {
            Api.Response refused = new Api(port).as(user).get("/actuator/prometheus");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        Api.Response served = admin.get("/actuator/prometheus");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("text/plain");
    }

    @Test
    void prometheusShowsCommandLatencyProjectionsDeadLettersHttpAndThePool() {
        String marker = "Metrics poison " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            created(desk.post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":20}"));
            admin.getUntil("/api/admin/projections/reference-names", r -> r.json().get("deadLetters").asLong() > 0, WAIT);

            String scrape = admin.getUntil("/actuator/prometheus",
                    r -> gauge(r.body(), "ope_projection_dead_letters", "projection=\"reference-names\"") > 0, WAIT).body();

            assertThat(gauge(scrape, "ope_projection_dead_letters", "projection=\"reference-names\"")).isPositive();
            assertThat(gauge(scrape, "ope_projection_behind", "projection=\"delegation-board\"")).isNotNegative();
            assertThat(scrape)
                    .as("command latency per command type")
                    .containsPattern("commandBus_\\w*[tT]imer_seconds_count\\{[^}]*payloadType=\"RegisterVenueCommand\"")
                    .as("Axon's processor latency and handler timers, per processor")
                    .containsPattern("eventProcessor_latency\\w*\\{[^}]*processorName=\"reference-names\"")
                    .containsPattern("eventProcessor_\\w*[tT]imer_seconds_count\\{[^}]*processorName=\"delegation-board\"")
                    .as("HTTP server timings")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/venues\"")
                    .as("the connection pool")
                    .contains("hikaricp_connections_active")
                    .as("the notification outbox's backlog")
                    .containsPattern("ope_outbox_pending\\w*\\{[^}]*outbox=\"notifications\"")
                    .containsPattern("ope_outbox_oldest_pending\\w*\\{[^}]*outbox=\"notifications\"");
        } finally {
            PoisonSwitch.cure(marker);
            admin.post("/api/admin/dead-letters/retry?projection=reference-names", "");
        }
    }

    @Test
    void theCorrelationIdGoesFromTheHeaderToTheResponseTheLogTheEventsAndTheProjectionsLog(CapturedOutput output) {
        String correlationId = "ops-" + UUID.randomUUID();
        String marker = "Correlated " + UUID.randomUUID();
        PoisonSwitch.poison("delegation-board", marker);
        try {
            Api.Response registered = desk.post("/api/delegations", Requests.delegation(marker),
                    Map.of("X-Correlation-Id", correlationId));
            assertThat(registered.header("X-Correlation-Id")).isEqualTo(correlationId);
            String id = created(registered);

            JsonNode event = new Api(port).as("auditor").get("/api/audit/events?aggregateId=" + id).json()
                    .get("items").get(0);
            assertThat(event.get("metaData").get("traceId").asString()).isEqualTo(correlationId);

            List<JsonNode> lines = awaitLines(output, correlationId, line -> line.path("log").path("logger").asString()
                    .endsWith("ParkEveryFailure"));
            JsonNode parked = lines.stream().filter(line -> line.path("log").path("logger").asString()
                    .endsWith("ParkEveryFailure")).findFirst().orElseThrow();
            assertThat(parked.path("process").path("thread").path("name").asString())
                    .as("logged by the projection's own thread, not the request's")
                    .doesNotStartWith("http-nio");

            Api.Response failed = desk.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/test/unexpected-failure")).GET(),
                    Map.of("X-Correlation-Id", correlationId + "-500"));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.header("X-Correlation-Id")).isEqualTo(correlationId + "-500");
            JsonNode incident = awaitLines(output, correlationId + "-500", line -> true).get(0);
            assertThat(incident.path("message").asString()).contains(failed.json().get("incident").asString());
        } finally {
            PoisonSwitch.cure(marker);
            // the parking is logged before its transaction commits: a retry at once may find nothing yet, and the
            // letter then stayed parked for the tests after this one (a replay of the board applied it, and differed).
            // So first the letter is there (a loop that only waited for none found none before it was parked), then
            // it is retried until it is gone.
            admin.getUntil("/api/admin/dead-letters?projection=delegation-board",
                    r -> r.json().path("total").asLong(0) >= 1, WAIT);
            admin.getUntil("/api/admin/dead-letters?projection=delegation-board", r -> {
                admin.post("/api/admin/dead-letters/retry?projection=delegation-board", "");
                return admin.get("/api/admin/dead-letters?projection=delegation-board").json().path("total")
                        .asLong(-1) == 0;
            }, WAIT);
        }
    }

    @Test
    void aMalformedCorrelationIdIsReplacedByAGeneratedOne() {
        for (String malformed : List.of("has space", "x".repeat(65), "semi;colon", "-leading")) {
            Api.Response answered = desk.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/delegations?limit=1")).GET(),
                    Map.of("X-Correlation-Id", malformed));
            assertThat(answered.status()).isEqualTo(200);
            assertThat(UUID.fromString(answered.header("X-Correlation-Id"))).as(malformed).isNotNull();
        }
        Api.Response none = new Api(port).get("/api/delegations");
        assertThat(none.status()).isEqualTo(401);
        assertThat(UUID.fromString(none.header("X-Correlation-Id"))).as("refusals carry one too").isNotNull();
    }

    @Test
    void aRequestRefusedBeforeAnyHandlerStillAnswersItsCorrelationId() {
        String tooLarge = "{\"purpose\":\"" + "x".repeat(70 * 1024) + "\"}";
        Api.Response refused = desk.post("/api/delegations", tooLarge, Map.of("X-Correlation-Id", "too-large-1"));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("X-Correlation-Id")).isEqualTo("too-large-1");
        Api.Response forbidden = new Api(port).as("auditor").get("/actuator/prometheus");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(UUID.fromString(forbidden.header("X-Correlation-Id"))).isNotNull();
    }

    @Test
    void everyLogLineIsOneJsonObject(CapturedOutput output) {
        desk.get("/api/test/unexpected-failure");
        String all = output.getOut();
        List<String> lines = all.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.has("@timestamp")).as(line).isTrue();
            assertThat(parsed.has("message")).as(line).isTrue();
        }
    }

    @Test
    void theProjectionsHealthNamesWhatIsDeadLetteredAndWhatIsBehindAndByHowMuch() {
        String marker = "Health poison " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        StreamingEventProcessor stopped = processing.eventProcessor("schedule", StreamingEventProcessor.class)
                .orElseThrow();
        try {
            created(desk.post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":20}"));
            stopped.shutDown();
            appendEventsNoProjectionHandles(1001);

            Api.Response group = admin.getUntil("/actuator/health/projection-status", r -> projection(r, "reference-names")
                    .path("deadLetters").asLong() > 0, WAIT);
            assertThat(group.status()).as("a degraded view is not an unavailable application").isEqualTo(200);
            JsonNode health = group.json();
            assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(projection(group, "reference-names").get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            // stopped without a replay: its view no longer moves, which said UP while it was not yet far behind
            assertThat(projection(group, "schedule").get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(projection(group, "schedule").get("running").asBoolean()).isFalse();
            assertThat(projection(group, "schedule").get("behindBy").asLong()).isGreaterThanOrEqualTo(1001);

            JsonNode anonymous = new Api(port).get("/actuator/health/projection-status").json();
            assertThat(anonymous.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(anonymous.has("components")).as("details only for administrators").isFalse();
            assertThat(admin.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
            assertThat(admin.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
            assertThat(admin.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        } finally {
            stopped.start();
            PoisonSwitch.cure(marker);
            admin.post("/api/admin/dead-letters/retry?projection=reference-names", "");
        }
        assertThat(projection(admin.getUntil("/actuator/health/projection-status",
                r -> "UP".equals(projection(r, "schedule").path("status").asString()), WAIT), "schedule")
                .get("status").asString()).as("caught up again").isEqualTo("UP");
    }

    /**
     * An {@link Error} outside the handlers (an exhausted heap, say, while the processor reads or commits a batch)
     * ends the processor's loop: Axon pauses it in an error state and its segments go with it. The health must say
     * so, not {@code UP} with nothing behind yet; and once the fault has passed the processor is started again by
     * itself (every second in tests, {@code ope.projections.restart-after-error}), and applies the event it stopped at.
     */
    @Test
    void aProjectionStoppedByAnErrorIsOutOfServiceUntilItRunsAgainByItself() {
        String marker = "Fatal " + UUID.randomUUID();
        StreamingEventProcessor processor = processing.eventProcessor("reference-names", StreamingEventProcessor.class)
                .orElseThrow();
        Registration fault = processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (String.valueOf(unitOfWork.getMessage().getPayload()).contains(marker)) {
                throw new OutOfMemoryError("Test fault in reference-names: " + marker);
            }
            return chain.proceed();
        });
        try {
            created(desk.post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":20}"));

            Api.Response group = admin.getUntil("/actuator/health/projection-status",
                    r -> projection(r, "reference-names").path("error").asBoolean(), WAIT);
            assertThat(projection(group, "reference-names").get("status").asString()).as(group.body())
                    .isEqualTo("OUT_OF_SERVICE");
            assertThat(group.json().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(desk.get("/api/venues").body()).as("not applied while the fault lasts").doesNotContain(marker);
        } finally {
            fault.cancel();
        }
        assertThat(desk.getUntil("/api/venues", r -> r.body().contains(marker), WAIT).body()).contains(marker);
        assertThat(projection(admin.getUntil("/actuator/health/projection-status",
                r -> "UP".equals(projection(r, "reference-names").path("status").asString()), WAIT), "reference-names")
                .get("error").asBoolean()).as("running again").isFalse();
        assertThat(processor.isRunning()).isTrue();
    }

    private void appendEventsNoProjectionHandles(int count) {
        String run = "observability-" + UUID.randomUUID();
        List<EventMessage<?>> events = IntStream.range(0, count)
                .<EventMessage<?>>mapToObj(n -> new GenericEventMessage<>(new AuditTestEvent(run, n, "lag"),
                        MetaData.with("actor", "query-test").and("actorRole", "SYSTEM")))
                .toList();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(events));
    }

    private static JsonNode projection(Api.Response group, String name) {
        return group.json().path("components").path("projections").path("details").path(name);
    }

    private static List<JsonNode> awaitLines(CapturedOutput output, String correlationId,
                                             Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonNode> lines = output.getOut().lines()
                    .filter(line -> line.contains("\"" + correlationId + "\""))
                    .map(JSON::readTree)
                    .filter(line -> correlationId.equals(line.path("correlationId").asString()))
                    .toList();
            if (lines.stream().anyMatch(until) || System.nanoTime() > deadline) {
                assertThat(lines).as("JSON log lines with correlationId " + correlationId).isNotEmpty();
                return lines;
            }
            Api.sleep(100);
        }
    }

    private static double gauge(String scrape, String name, String tag) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
