package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The NDJSON export streams every event of a range, each line a complete event with its metadata. */
@OpeIntegrationTest
class ExportTest {

    static final int EVENTS = 3000;
    static final int BATCH = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    /**
     * The database gone part way through an export: the answer was closed as a complete one (200, the last line whole)
     * and an auditor's archive held part of the log with nothing to tell. It now ends without its last chunk.
     */
    @Test
    void anExportTheDatabaseFailsPartWayIsCutOffNotCompleted() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int start = 0; start < EVENTS / 2; start += BATCH) {
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            for (int n = start; n < start + BATCH; n++) {
                batch.add(GenericEventMessage.asEventMessage(new AuditTestEvent(run, n, "x".repeat(8000)))
                        .andMetaData(MetaData.with("actor", "audit-test").and("actorRole", "SYSTEM")));
            }
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.io.InputStream> export = client.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/export?from=" + from))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "auditor:auditor".getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        try (java.io.InputStream body = export.body()) {
            assertThat(body.readNBytes(4096)).hasSize(4096);
            Thread.sleep(300); // the server fills the connection's buffers and waits, its cursor open
            // more than the connection's buffers hold (12 MB): the export is still reading its cursor
            List<Boolean> ended = jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
                    + "'%FROM DomainEventEntry WHERE globalIndex >%ope_event_time%' AND pid <> pg_backend_pid()")
                    .query(Boolean.class).list();
            assertThat(ended).as("the export's database session").contains(true);

            org.assertj.core.api.Assertions.assertThatThrownBy(body::readAllBytes)
                    .as("the client sees the answer cut off").isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void exportsEveryEventOfTheRangeAsOneParsableLineEach() {
        String run = UUID.randomUUID().toString();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long appendStarted = System.nanoTime();
        for (int start = 0; start < EVENTS; start += BATCH) {
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            for (int n = start; n < start + BATCH; n++) {
                batch.add(GenericEventMessage.asEventMessage(new AuditTestEvent(run, n, "bulk export"))
                        .andMetaData(MetaData.with("actor", "audit-test").and("actorRole", "SYSTEM")));
            }
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        double appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
        Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        long inRange = jdbc.sql("SELECT count(*) FROM DomainEventEntry "
                        + "WHERE ope_event_time(timeStamp) >= :from AND ope_event_time(timeStamp) < :to")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(Long.class).single();

        long exportStarted = System.nanoTime();
        Api.Response export = new Api(port).as("auditor").send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/audit/export?from=" + from + "&to=" + to)).GET(), Map.of());
        double exportSeconds = (System.nanoTime() - exportStarted) / 1e9;

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines).hasSize((int) inRange);
        long ours = 0;
        long previous = -1;
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.get("position").asLong()).isGreaterThan(previous);
            previous = event.get("position").asLong();
            assertThat(event.get("metaData").get("actor").asString()).isNotBlank();
            if (event.get("payload").path("run").asString("").equals(run)) {
                ours++;
            }
        }
        assertThat(ours).isEqualTo(EVENTS);
        System.out.printf("appended %d events in %.2f s; exported %d events in %.2f s%n",
                EVENTS, appendSeconds, lines.length, exportSeconds);
    }

    @Test
    void anUnboundedExportIsTheWholeLog() {
        long all = jdbc.sql("SELECT count(*) FROM DomainEventEntry").query(Long.class).single();

        Api.Response export = new Api(port).as("desk").get("/api/audit/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().count()).isGreaterThanOrEqualTo(all);
    }
}
