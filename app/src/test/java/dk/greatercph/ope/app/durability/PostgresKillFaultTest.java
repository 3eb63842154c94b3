package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F4: PostgreSQL killed with {@code kill -9} (the postmaster and its children) right after it acknowledged a
 * write. Every write answered 201 is in the event store after PostgreSQL's crash recovery. With
 * {@code synchronous_commit = off} the last writes before the kill are lost.
 */
class PostgresKillFaultTest {

    @Test
    void aWriteAnswered201SurvivesKill9OfPostgresRightAfterIt() {
        try (FaultApplication application = FaultApplication.start("f4")) {
            assertThat(application.setting("synchronous_commit")).isEqualTo("on");
            assertThat(application.setting("fsync")).isEqualTo("on");
            Api desk = application.api().as("desk");
            for (int round = 1; round <= 3; round++) {
                Postmaster postmaster = application.postmaster();
                Api.Response created = desk.post("/api/delegations", Requests.delegation("F4 round " + round));
                // Watched from before the kill: readiness is DOWN only until the supervisor has PostgreSQL back
                // (1.0 s in a CI run that failed here), and the wait below for the killed processes can outlast that.
                CompletableFuture<Api.Response> down = CompletableFuture.supplyAsync(
                        () -> application.readinessUntil(503, Duration.ofSeconds(15)));
                postmaster.kill();
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().get("id").asString();

                assertThat(down.join().status()).as("readiness is DOWN while PostgreSQL is dead").isEqualTo(503);
                assertThat(application.readinessUntil(200, Duration.ofSeconds(60)).status())
                        .as("the supervisor restarted PostgreSQL and readiness is UP again").isEqualTo(200);
                assertThat(application.postmaster().pid()).isNotEqualTo(postmaster.pid());
                assertThat(application.eventsOf(id))
                        .as("round %d: the registration answered 201 before the kill is in the event store", round)
                        .isEqualTo(1);
            }
        }
    }
}
