package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F7: the database paused (SIGSTOP: it keeps its sockets and answers nothing) and then killed. While it is away
 * every request is refused with 503 {@code DATABASE_UNAVAILABLE} and {@code Retry-After} within 2 s, readiness
 * is DOWN and liveness UP; the killed embedded PostgreSQL is restarted by its supervisor; afterwards the same
 * application serves again without a restart and every write answered 201 is there.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageFaultTest {

    private static final Duration FAST = Duration.ofSeconds(2);

    @Test
    void pausedOrKilledDatabaseIsRefusedFastAndTheApplicationRecoversWithoutRestart(CapturedOutput output) {
        try (FaultApplication application = FaultApplication.start("f7")) {
            Api desk = application.api().as("desk");
            String beforePause = created(desk.post("/api/delegations", Requests.delegation("F7 before pause")));

            Postmaster paused = application.postmaster();
            paused.pause();
            try {
                long started = System.nanoTime();
                Api.Response first = desk.post("/api/delegations", Requests.delegation("F7 while pausing"));
                System.out.printf("F7: first request after SIGSTOP answered %d after %d ms%n", first.status(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                assertThat(first.status()).as("a request caught by the pause is released with a 503").isEqualTo(503);
                assertSecurityHeaders(first);

                assertThat(application.readinessUntil(503, Duration.ofSeconds(10)).json().get("status").asString())
                        .isEqualTo("DOWN");
                assertRefusedFast(() -> desk.post("/api/delegations", Requests.delegation("F7 paused")));
                assertRefusedFast(() -> desk.get("/api/delegations/" + beforePause));
                assertThat(application.api().anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
                // the projections' component asked the database, and the whole health waited 2 s on every call
                long askedAt = System.nanoTime();
                assertThat(application.api().anonymous().get("/actuator/health").status()).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - askedAt))
                        .as("the health answers without waiting for the database").isLessThan(Duration.ofSeconds(1));
            } finally {
                paused.resume();
            }
            assertThat(application.readinessUntil(200, Duration.ofSeconds(30)).status())
                    .as("readiness UP again after SIGCONT").isEqualTo(200);
            String afterPause = created(desk.post("/api/delegations", Requests.delegation("F7 after pause")));
            // the processors waited out their back-off (up to 60 s) after the database was back: the views stayed
            // behind acknowledged writes for 27 s after a one-minute outage
            long waited = System.nanoTime();
            while (!output.getAll().contains("Event processor delegation-board processes again now that the database "
                    + "answers") && Duration.ofNanos(System.nanoTime() - waited).compareTo(Duration.ofSeconds(20)) < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            assertThat(output.getAll()).contains("Event processor delegation-board processes again now that the "
                    + "database answers");

            Postmaster killed = application.postmaster();
            killed.kill();
            assertThat(application.readinessUntil(503, Duration.ofSeconds(10)).json().get("status").asString())
                    .isEqualTo("DOWN");
            assertRefusedFast(() -> desk.post("/api/delegations", Requests.delegation("F7 killed")));
            assertThat(application.api().anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);

            assertThat(application.readinessUntil(200, Duration.ofSeconds(60)).status())
                    .as("the supervisor restarted PostgreSQL and the application serves again").isEqualTo(200);
            assertThat(application.postmaster().pid()).isNotEqualTo(killed.pid());
            assertThat(output.getAll()).contains("postmaster (pid " + killed.pid() + ")", "died; restarting")
                    .as("the library's own ERROR for stopping a dead postmaster, beside ours")
                    .doesNotContain("Could not stop postmaster");
            String afterKill = created(desk.post("/api/delegations", Requests.delegation("F7 after kill")));

            for (String id : List.of(beforePause, afterPause, afterKill)) {
                assertThat(application.eventsOf(id)).as("%s is in the event store", id).isEqualTo(1);
                assertThat(desk.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(60))
                        .status()).as("%s reached the board again", id).isEqualTo(200);
            }
            System.out.printf("F7: graceful shutdown took %d ms%n", application.closeTimed().toMillis());
        }
    }

    private static void assertRefusedFast(Supplier<Api.Response> request) {
        long started = System.nanoTime();
        Api.Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertSecurityHeaders(response);
        assertThat(took).as("refused without waiting for the database").isLessThan(FAST);
    }

    /** The 503 is written before the security filter chain runs, and still carries the security headers. */
    private static void assertSecurityHeaders(Api.Response response) {
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
