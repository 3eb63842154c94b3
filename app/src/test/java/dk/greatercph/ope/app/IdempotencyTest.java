package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Jwts;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.platform.idempotency.IdempotencyPruner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POST retried with the same Idempotency-Key and body returns the first answer and records nothing new; keys
 * belong to a principal, expire, and are never stuck behind a request that crashed.
 */
@OpeIntegrationTest
class IdempotencyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyPruner pruner;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aRetriedRegistrationReturnsTheFirstAnswerAndRecordsNothingNew() {
        Api desk = new Api(port).as("desk");
        String organisation = "Idempotent " + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = desk.post("/api/delegations", Requests.delegation(organisation), key);
        Api.Response retry = desk.post("/api/delegations", Requests.delegation(organisation), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(registrationsOf(organisation)).isEqualTo(1);
        String id = first.json().get("id").asString();
        assertThat(desk.get("/api/audit/events?aggregateId=" + id).json().get("items").get(0).get("metaData")
                .get("idempotencyKey").asString()).isEqualTo(key.get("Idempotency-Key"));
    }

    /**
     * A PUT or DELETE sent again after a crash was carried out again under its key, the key written into a second
     * event's metadata: a key now makes them idempotent as it does a POST.
     */
    @Test
    void aRetriedPutOrDeleteReturnsTheFirstAnswerAndRecordsNothingNew() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Keyed PUT " + UUID.randomUUID()))
                .json().get("id").asString();
        String path = "/api/delegations/" + id + "/business-opportunity";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = desk.send(put(path, "{\"businessOpportunity\":\"Investors\"}"), key);
        Api.Response retry = desk.send(put(path, "{\"businessOpportunity\":\"Investors\"}"), key);
        Api.Response other = desk.send(put(path, "{\"businessOpportunity\":\"Other\"}"), key);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String member = desk.post("/api/delegations/" + id + "/members", "{\"name\":\"Keyed\"}").json().get("id")
                .asString();
        Map<String, String> removal = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations/"
                + id + "/members/" + member)).DELETE();
        Api.Response removed = desk.send(delete, removal);
        Api.Response again = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/delegations/" + id + "/members/" + member)).DELETE(), removal);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(again.status()).as("not 404: the first answer").isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(desk.get("/api/audit/events?limit=1000&aggregateId=" + id).json().get("items").valueStream()
                .map(e -> e.get("eventType").asString()))
                .containsExactly("DelegationRegisteredEvent", "BusinessOpportunityStatedEvent",
                        "DelegationMemberAddedEvent", "DelegationMemberRemovedEvent");
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    /**
     * A retry that came after the first request's command was committed, and before its answer was kept, was told
     * the answer had been lost to a failure (409 {@code IDEMPOTENT_REQUEST_RECORDED}): a double-clicked page form
     * showed that to the desk though nothing had failed. While the first is still being answered, a retry is told to
     * come back (409 in progress); then it gets the first answer.
     */
    @Test
    void aRetryWhileTheFirstIsBeingAnsweredIsToldToComeBackNeverThatTheAnswerWasLost() throws Exception {
        Api desk = new Api(port).as("desk");
        java.util.Set<String> answers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 15; round++) {
            String organisation = "Retried at once " + UUID.randomUUID();
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            java.util.function.Supplier<Api.Response> untilAnswered = () -> {
                Api.Response answer;
                do {
                    answer = desk.post("/api/delegations", Requests.delegation(organisation), key);
                    answers.add(answer.status() + " " + (answer.status() == 409 ? answer.json().get("code").asString() : ""));
                } while (answer.status() == 409
                        && "IDEMPOTENT_REQUEST_IN_PROGRESS".equals(answer.json().get("code").asString()));
                return answer;
            };
            java.util.concurrent.CompletableFuture<Api.Response> one =
                    java.util.concurrent.CompletableFuture.supplyAsync(untilAnswered);
            Api.Response other = untilAnswered.get();
            assertThat(other.status()).as(other.body()).isEqualTo(201);
            assertThat(one.get().status()).as(one.get().body()).isEqualTo(201);
            assertThat(other.header("Location")).isEqualTo(one.get().header("Location"));
            assertThat(registrationsOf(organisation)).isEqualTo(1);
        }
        assertThat(answers).doesNotContain("409 IDEMPOTENT_REQUEST_RECORDED");
    }

    /**
     * The key's record is also written in the command's own transaction. A fault probe froze that transaction's
     * server process: a retry's claim of the key (and the first request's keeping of its answer) waited for the
     * driver's socket timeout, once per try, and the request hung for 50 s. Each now gives up after a short lock
     * wait: the retry is told the key is still in progress, while the record is still locked.
     */
    @Test
    void aRetryWhoseKeyIsLockedByAnUnfinishedTransactionIsToldItIsInProgress() throws Exception {
        Api desk = new Api(port).as("desk");
        String organisation = "Locked key " + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(desk.post("/api/delegations", Requests.delegation(organisation), key).status()).isEqualTo(201);

        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM idempotency_record WHERE idem_key = ? FOR UPDATE")) {
                lock.setString(1, key.get("Idempotency-Key"));
                assertThat(lock.executeQuery().next()).isTrue();
            }
            java.util.concurrent.CompletableFuture<Api.Response> retry = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> desk.post("/api/delegations", Requests.delegation(organisation), key));

            // answered while the record is still locked (the socket timeout it waited for is 10 s)
            Api.Response answer = retry.get(8, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asString()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            holder.rollback();
        }
        Api.Response again = desk.post("/api/delegations", Requests.delegation(organisation), key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(registrationsOf(organisation)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Api desk = new Api(port).as("desk");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        desk.post("/api/delegations", Requests.delegation("First body " + UUID.randomUUID()), key);

        Api.Response other = desk.post("/api/delegations", Requests.delegation("Other body " + UUID.randomUUID()), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    /**
     * A client that serialises its retry again may write the same object's members in another order and with other
     * white space; it is the same body, and was refused as a reused key. A record kept before JSON was compared by its
     * content (by the hash of its bytes) still matches a byte-identical retry.
     */
    @Test
    void theSameJsonWrittenInAnotherOrderIsTheSameRequest() {
        Api desk = new Api(port).as("desk");
        String organisation = "Reordered " + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = Requests.delegation(organisation);
        ObjectNode members = (ObjectNode) JSON.readTree(body);
        ObjectNode reversed = JSON.createObjectNode();
        List<String> names = new ArrayList<>(members.propertyNames());
        Collections.reverse(names);
        names.forEach(name -> reversed.set(name, members.get(name)));

        Api.Response first = desk.post("/api/delegations", body, key);
        Api.Response retry = desk.post("/api/delegations", JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(reversed), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(registrationsOf(organisation)).isEqualTo(1);
        Api.Response changed = desk.post("/api/delegations", body.replace(organisation, organisation + "!"), key);
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String older = "Kept before " + UUID.randomUUID();
        Map<String, String> olderKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String olderBody = Requests.delegation(older);
        assertThat(desk.post("/api/delegations", olderBody, olderKey).status()).isEqualTo(201);
        assertThat(jdbc.sql("UPDATE idempotency_record SET request_hash = encode(sha256(convert_to(:text, 'UTF8')), 'hex')"
                        + " WHERE idem_key = :key")
                .param("text", "POST /api/delegations\n" + olderBody).param("key", olderKey.get("Idempotency-Key"))
                .update()).isEqualTo(1);
        Api.Response olderRetry = desk.post("/api/delegations", olderBody, olderKey);
        assertThat(olderRetry.status()).as(olderRetry.body()).isEqualTo(201);
        assertThat(olderRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(registrationsOf(older)).isEqualTo(1);
    }

    @Test
    void aRequestRefusedAsInvalidIsNotKeptSoTheCorrectedRequestMayUseTheSameKey() {
        Api desk = new Api(port).as("desk");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response invalid = desk.post("/api/delegations", "{\"channel\":\"EMBASSY\"}", key);
        Api.Response corrected = desk.post("/api/delegations", Requests.delegation("Corrected " + UUID.randomUUID()), key);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRetriedRecordedRefusalIsTheSameRefusalAndIsRecordedOnce() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("Idempotent R2 " + UUID.randomUUID(), "BUSINESS",
                "\"INVESTMENT\"", null));
        Api desk = new Api(port).as("desk");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = desk.post("/api/delegations/" + id + "/routing", "{}", key);
        Api.Response retry = desk.post("/api/delegations/" + id + "/routing", "{}", key);

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.json().get("code").asString()).isEqualTo("NO_BUSINESS_FOCUS");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(lifecycle.eventTypes(id).stream().filter("RoutingRefusedEvent"::equals).count()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirPrincipalNotToAUserName() {
        String shared = UUID.randomUUID().toString();
        String body = Requests.delegation("Principal " + shared);
        Api.Response basicDesk = new Api(port).as("desk").post("/api/delegations", body, Map.of("Idempotency-Key", shared));
        Api.Response jwtDesk = new Api(port).withBearer(Jwts.valid("desk", "DESK", null))
                .post("/api/delegations", body, Map.of("Idempotency-Key", shared));

        assertThat(basicDesk.status()).isEqualTo(201);
        assertThat(jwtDesk.status()).isEqualTo(201);
        assertThat(jwtDesk.header("Idempotent-Replayed")).isNull();
        assertThat(jwtDesk.json().get("id").asString()).isNotEqualTo(basicDesk.json().get("id").asString());
    }

    @Test
    void theKeyMayBeWrittenAsAStructuredFieldString() {
        Api desk = new Api(port).as("desk");
        String key = UUID.randomUUID().toString();
        String body = Requests.delegation("Quoted key " + key);

        Api.Response first = desk.post("/api/delegations", body, Map.of("Idempotency-Key", "\"" + key + "\""));
        Api.Response bare = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));
        Api.Response broken = desk.post("/api/delegations", body, Map.of("Idempotency-Key", "\"" + key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(bare.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(broken.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    /** Two keys on one request: the first was used and the second ignored, so a retry with the second recorded it again. */
    @Test
    void aKeyGivenTwiceIsRefusedAndRecordsNothing() {
        String name = "Two keys " + UUID.randomUUID();
        Api.Response twice = new Api(port).as("desk").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/venues")).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"capacity\":3}")),
                Map.of());

        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(new Api(port).as("desk").get("/api/venues").body()).doesNotContain(name);
    }

    @Test
    void anExpiredRecordIsPrunedAndItsKeyIsFreeAgain() {
        Api desk = new Api(port).as("desk");
        String key = UUID.randomUUID().toString();
        String body = Requests.delegation("Expiring " + key);
        Api.Response first = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));
        assertThat(expiresIn(key)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        jdbc.sql("UPDATE idempotency_record SET expires_at = now() - INTERVAL '1 second' WHERE idem_key = :key")
                .param("key", key).update();
        Api.Response afterExpiry = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));

        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(afterExpiry.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());

        jdbc.sql("UPDATE idempotency_record SET expires_at = now() - INTERVAL '1 second' WHERE idem_key = :key")
                .param("key", key).update();
        assertThat(pruner.pruneExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idem_key = :key").param("key", key)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRequestInFlightHoldsItsKeyOnlyForItsLease() {
        Api desk = new Api(port).as("desk");
        String key = UUID.randomUUID().toString();
        String body = Requests.delegation("In flight " + key);
        desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));
        // as a request in flight leaves its record: nothing committed, no answer kept yet, its lease running
        jdbc.sql("UPDATE idempotency_record SET status = 0, body = NULL, recorded = false, "
                + "lease_until = now() + INTERVAL '1 minute' WHERE idem_key = :key").param("key", key).update();

        Api.Response whileInFlight = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));

        assertThat(whileInFlight.status()).isEqualTo(409);
        assertThat(whileInFlight.json().get("code").asString()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
        assertThat(whileInFlight.header("Retry-After")).isNotNull();

        // as a request that crashed leaves it: the lease ran out and no answer was ever kept
        jdbc.sql("UPDATE idempotency_record SET lease_until = now() - INTERVAL '1 second' WHERE idem_key = :key")
                .param("key", key).update();
        Api.Response otherBody = desk.post("/api/delegations", Requests.delegation("Other " + key),
                Map.of("Idempotency-Key", key));
        Api.Response retried = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));
        Api.Response replayed = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id").asString()).isEqualTo(retried.json().get("id").asString());
    }

    /**
     * A request whose command was committed but whose answer was lost (a connection broken after the commit: 503) is
     * never carried out again for its key: the retry learns that it was recorded. It ran again, and recorded twice.
     */
    @Test
    void aRequestWhoseAnswerWasLostAfterItsCommitIsNotCarriedOutAgain() {
        Api desk = new Api(port).as("desk");
        String key = UUID.randomUUID().toString();
        String name = "Lost answer " + key;
        String path = "/api/test/recorded-then-unavailable?name=" + name.replace(" ", "%20");

        Api.Response first = desk.post(path, "", Map.of("Idempotency-Key", key));
        Api.Response retried = desk.post(path, "", Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.body()).isEqualTo(503);
        assertThat(retried.status()).as(retried.body()).isEqualTo(409);
        assertThat(retried.json().get("code").asString()).isEqualTo("IDEMPOTENT_REQUEST_RECORDED");
        assertThat(venuesNamed(name)).isEqualTo(1);
        // and where what it created is, as the lost 201 would have said
        assertThat(retried.header("Location")).startsWith("/api/venues/");
        assertThat(retried.json().get("detail").asString()).contains(retried.header("Location"));
        Api.Response venue = desk.getUntil(retried.header("Location"), r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(venue.body()).contains(name);
    }

    /**
     * A request that recorded nothing and answered 503, whose key could not be freed then (the database still away),
     * has its key freed at the next chance: its retry is carried out, where it was told 409 in progress for the
     * minute of the lease. The database's going away is played by a trigger refusing to delete the key's record.
     */
    @Test
    void aKeyThatCouldNotBeFreedAfterA503IsFreedForItsRetry() {
        Api desk = new Api(port).as("desk");
        String key = "cannot-free-" + UUID.randomUUID();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_cannot_free() RETURNS trigger AS $$
                BEGIN
                    IF OLD.idem_key LIKE 'cannot-free-%' THEN
                        RAISE EXCEPTION 'the database went away' USING ERRCODE = '08006';
                    END IF;
                    RETURN OLD;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER test_cannot_free BEFORE DELETE ON idempotency_record FOR EACH ROW "
                + "EXECUTE FUNCTION test_cannot_free()").update();
        Api.Response first;
        try {
            first = desk.post("/api/test/unavailable", "", Map.of("Idempotency-Key", key));
        } finally {
            jdbc.sql("DROP TRIGGER test_cannot_free ON idempotency_record").update();
            jdbc.sql("DROP FUNCTION test_cannot_free()").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idem_key = :key").param("key", key)
                .query(Integer.class).single()).as("the key stayed taken").isEqualTo(1);

        Api.Response retried = desk.post("/api/test/unavailable", "", Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(503);
        assertThat(retried.status()).as(retried.body()).isEqualTo(503);
        assertThat(retried.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
    }

    /**
     * A request that crashed after its commit, before its answer was kept, leaves its record in flight; once its
     * lease has run out a retry is told it was recorded, where it ran the command again.
     */
    @Test
    void aRequestThatCrashedAfterItsCommitIsNotCarriedOutAgainWhenItsLeaseRunsOut() {
        Api desk = new Api(port).as("desk");
        String key = UUID.randomUUID().toString();
        String organisation = "Crashed after commit " + key;
        String body = Requests.delegation(organisation);
        assertThat(desk.post("/api/delegations", body, Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
        // as the crash leaves it: committed (recorded, set with the events), no answer kept, the lease run out
        jdbc.sql("UPDATE idempotency_record SET status = 0, body = NULL, lease_until = now() - INTERVAL '1 second' "
                + "WHERE idem_key = :key").param("key", key).update();

        Api.Response retried = desk.post("/api/delegations", body, Map.of("Idempotency-Key", key));

        assertThat(retried.status()).as(retried.body()).isEqualTo(409);
        assertThat(retried.json().get("code").asString()).isEqualTo("IDEMPOTENT_REQUEST_RECORDED");
        assertThat(registrationsOf(organisation)).isEqualTo(1);
    }

    private long venuesNamed(String name) {
        return jdbc.sql("""
                SELECT count(*) FROM DomainEventEntry
                WHERE payloadType LIKE '%VenueRegisteredEvent' AND convert_from(payload, 'UTF8') LIKE :pattern""")
                .param("pattern", "%" + name + "%").query(Long.class).single();
    }

    private Duration expiresIn(String key) {
        return jdbc.sql("SELECT EXTRACT(EPOCH FROM expires_at - now()) FROM idempotency_record WHERE idem_key = :key")
                .param("key", key).query(Double.class).optional()
                .map(seconds -> Duration.ofMillis((long) (seconds * 1000))).orElse(Duration.ZERO);
    }

    private long registrationsOf(String organisation) {
        return jdbc.sql("""
                SELECT count(*) FROM DomainEventEntry
                WHERE payloadType LIKE '%DelegationRegisteredEvent' AND convert_from(payload, 'UTF8') LIKE :pattern""")
                .param("pattern", "%" + organisation + "%").query(Long.class).single();
    }
}
