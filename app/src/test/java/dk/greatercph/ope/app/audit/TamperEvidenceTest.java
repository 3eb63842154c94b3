package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain names an event altered in the database, and signed checkpoints show what the log was. */
@OpeIntegrationTest
class TamperEvidenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void verificationNamesTheEventWhosePayloadWasChangedInTheDatabase() {
        Api auditor = new Api(port).as("auditor");
        String organisation = "Tamper " + UUID.randomUUID();
        String id = new Api(port).as("desk").post("/api/delegations", Requests.delegation(organisation))
                .json().get("id").asString();
        assertThat(auditor.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
        String eventId = eventIdOf(id);
        byte[] original = payloadOf(eventId);

        byte[] tampered = original.clone();
        int at = indexOf(tampered, organisation.getBytes(StandardCharsets.UTF_8));
        tampered[at] = 'X';
        everyProjectionIsPast(positionOf(eventId));
        JsonNode broken = whileChanged(() -> setPayload(eventId, tampered), () -> setPayload(eventId, original),
                () -> auditor.get("/api/audit/verify").json());

        assertAltered(broken, eventId, positionOf(eventId));
        JsonNode restored = auditor.get("/api/audit/verify").json();
        assertThat(restored.get("ok").asBoolean()).isTrue();
        assertThat(restored.get("position").asLong()).isGreaterThanOrEqualTo(positionOf(eventId));
    }

    /**
     * The chain keeps no unique index of its event identifiers (platform V4): a link that names another event,
     * which that index refused before, must be what the verification names.
     */
    @Test
    void verificationNamesALinkThatNamesAnotherEvent() {
        Api desk = new Api(port).as("desk");
        Api auditor = new Api(port).as("auditor");
        String first = eventIdOf(desk.post("/api/delegations", Requests.delegation("Link " + UUID.randomUUID()))
                .json().get("id").asString());
        String second = eventIdOf(desk.post("/api/delegations", Requests.delegation("Link " + UUID.randomUUID()))
                .json().get("id").asString());
        long position = positionOf(second);

        JsonNode broken = whileChanged(() -> setLinkedEvent(position, first), () -> setLinkedEvent(position, second),
                () -> auditor.get("/api/audit/verify").json());

        assertAltered(broken, second, position);
        assertThat(auditor.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aKeptCheckpointVerifiesUntilTheLogBeforeItIsChanged() {
        Api auditor = new Api(port).as("auditor");
        String organisation = "Checkpoint " + UUID.randomUUID();
        String id = new Api(port).as("desk").post("/api/delegations", Requests.delegation(organisation))
                .json().get("id").asString();
        String eventId = eventIdOf(id);
        Api.Response checkpoint = auditor.get("/api/audit/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        assertThat(checkpoint.json().get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(checkpoint.json().get("position").asLong()).isGreaterThanOrEqualTo(positionOf(eventId));
        new Api(port).as("desk").post("/api/delegations", Requests.delegation("After the checkpoint"));

        JsonNode kept = auditor.post("/api/audit/checkpoint/verification", checkpoint.body()).json();
        assertThat(kept.get("signatureValid").asBoolean()).isTrue();
        assertThat(kept.get("logMatches").asBoolean()).isTrue();

        byte[] original = payloadOf(eventId);
        byte[] tampered = original.clone();
        tampered[indexOf(tampered, organisation.getBytes(StandardCharsets.UTF_8))] = 'Y';
        everyProjectionIsPast(positionOf(eventId));
        JsonNode afterTampering = whileChanged(() -> setPayload(eventId, tampered),
                () -> setPayload(eventId, original),
                () -> auditor.post("/api/audit/checkpoint/verification", checkpoint.body()).json());
        assertThat(afterTampering.get("signatureValid").asBoolean()).isTrue();
        assertThat(afterTampering.get("logMatches").asBoolean()).isFalse();
        assertThat(afterTampering.get("chain").get("firstMismatch").get("eventId").asString()).isEqualTo(eventId);
    }

    @Test
    void theChainAndAKeptCheckpointStillVerifyAfterAPersonIsErased() {
        Api desk = new Api(port).as("desk");
        Api auditor = new Api(port).as("auditor");
        String delegation = desk.post("/api/delegations", Requests.delegation("Erasure " + UUID.randomUUID()))
                .json().get("id").asString();
        String person = desk.post("/api/delegations/" + delegation + "/members", """
                {"name":"Li Wei","title":"Director","email":"li.wei@example.cn","organisation":"Jiangsu","contact":true}""")
                .json().get("personId").asString();
        String checkpoint = auditor.get("/api/audit/checkpoint").body();

        Api.Response erased = desk.post("/api/persons/" + person + "/erasure", "{\"legalBasis\":\"GDPR art. 17\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(auditor.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
        assertThat(auditor.post("/api/audit/checkpoint/verification", checkpoint).json().get("logMatches").asBoolean())
                .isTrue();
    }

    @Test
    void aCheckpointWithAnAlteredHeadHasAnInvalidSignature() {
        ObjectNode checkpoint = (ObjectNode) new Api(port).as("auditor").get("/api/audit/checkpoint").json();
        checkpoint.put("chainHead", "0".repeat(64));

        JsonNode forged = new Api(port).as("auditor")
                .post("/api/audit/checkpoint/verification", JSON.writeValueAsString(checkpoint)).json();

        assertThat(forged.get("signatureValid").asBoolean()).isFalse();
        assertThat(forged.get("logMatches").asBoolean()).isFalse();
    }

    /** A signature "!!!" and a position of -5 were read and answered "signature invalid", not refused as input. */
    @Test
    void aCheckpointThatIsNotBase64OrBelowTheEmptyLogIsRefusedNamingTheField() {
        Api auditor = new Api(port).as("auditor");
        for (String[] change : new String[][]{{"signature", "\"!!!\""}, {"publicKey", "\"not base64\""},
                {"position", "-5"}}) {
            ObjectNode checkpoint = (ObjectNode) auditor.get("/api/audit/checkpoint").json();
            checkpoint.set(change[0], JSON.readTree(change[1]));

            Api.Response refused = auditor.post("/api/audit/checkpoint/verification", JSON.writeValueAsString(checkpoint));

            assertThat(refused.status()).as(change[0] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(change[0]);
        }
    }

    @Test
    void everyStoredEventHasExactlyOneLink() {
        long events = jdbc.sql("SELECT count(*) FROM DomainEventEntry").query(Long.class).single();
        long linked = jdbc.sql("SELECT count(*) FROM DomainEventEntry e JOIN event_chain c "
                + "ON c.global_index = e.globalIndex AND c.event_identifier = e.eventIdentifier").query(Long.class).single();

        assertThat(linked).isEqualTo(events);
    }

    private String eventIdOf(String aggregateId) {
        return jdbc.sql("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = :id AND sequenceNumber = 0")
                .param("id", aggregateId).query(String.class).single();
    }

    /**
     * Waits until every projection has read the event at {@code position}: the bytes are changed only for the
     * auditor's verification, and a projection reading them meanwhile would keep the changed text in its view (which a
     * replay of the restored history then no longer matches).
     */
    private void everyProjectionIsPast(long position) {
        Api admin = new Api(port).as("admin");
        Api.Response projections = admin.getUntil("/api/admin/projections", r -> r.status() == 200
                && r.json().valueStream().allMatch(p -> p.path("position").asLong(-1) >= position),
                java.time.Duration.ofSeconds(30));
        assertThat(projections.json().valueStream()).as("every projection has read position %d", position)
                .allSatisfy(p -> assertThat(p.path("position").asLong(-1)).isGreaterThanOrEqualTo(position));
    }

    private long positionOf(String eventId) {
        return jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = :id")
                .param("id", eventId).query(Long.class).single();
    }

    private byte[] payloadOf(String eventId) {
        return jdbc.sql("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = :id")
                .param("id", eventId).query(byte[].class).single();
    }

    private void setPayload(String eventId, byte[] payload) {
        jdbc.sql("UPDATE DomainEventEntry SET payload = :payload WHERE eventIdentifier = :id")
                .param("payload", payload).param("id", eventId).update();
    }

    /** What {@code read} answers while the database holds {@code change}, undone by {@code restore} whatever happens. */
    private static JsonNode whileChanged(Runnable change, Runnable restore, Supplier<JsonNode> read) {
        change.run();
        try {
            return read.get();
        } finally {
            restore.run();
        }
    }

    private static void assertAltered(JsonNode verification, String eventId, long position) {
        assertThat(verification.get("ok").asBoolean()).isFalse();
        assertThat(verification.get("firstMismatch").get("eventId").asString()).isEqualTo(eventId);
        assertThat(verification.get("firstMismatch").get("problem").asString()).isEqualTo("EVENT_ALTERED");
        assertThat(verification.get("firstMismatch").get("position").asLong()).isEqualTo(position);
    }

    private void setLinkedEvent(long position, String eventId) {
        assertThat(jdbc.sql("UPDATE event_chain SET event_identifier = :id WHERE global_index = :position")
                .param("id", eventId).param("position", position).update()).isEqualTo(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found in the payload");
    }
}
