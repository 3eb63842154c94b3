package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F2: the embedded default is killed with {@code kill -9} while six clients register delegations and screen
 * and route them. Started again on the same data folder, it has every write that was answered with a 2xx,
 * its hash chain verifies, and its views converge: each acknowledged delegation is on the board at least at
 * the acknowledged version. The PostgreSQL the killed JVM left running is retired by the next start, and the
 * test leaves no PostgreSQL behind.
 */
class KillNineUnderLoadFaultIT {

    private static final int CLIENTS = 6;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesAKillNineUnderLoad() {
        Path folder = JarProcess.workFolder("f2");
        Postmaster postmaster = new Postmaster(folder.resolve("postgres"));
        List<String> args = List.of(
                "--ope.embedded-postgres.data-dir=" + postmaster.dataDir(),
                "--ope.embedded-postgres.port=" + JarProcess.freePort(),
                "--ope.security.allow-demo-users=true");
        String tag = "F2-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            DelegationLoad load;
            long orphan;
            try (JarProcess first = JarProcess.start("f2-first", JarProcess.appJar(), folder, args, Map.of())) {
                Api api = new Api(first.port());
                load = DelegationLoad.start(tag, CLIENTS, n -> api);
                load.awaitAcknowledged(60, Duration.ofSeconds(90));
                int inFlight = load.inFlight();
                first.kill9();
                load.stop();
                System.out.printf("F2: killed %s with %d requests in flight, after %d requests; %d delegations, "
                                + "%d events acknowledged; %d clients saw the connection drop%n", first, inFlight,
                        load.requests(), load.acknowledged().size(), load.acknowledgedEvents(),
                        load.connectionFailures());
                assertThat(first.isAlive()).isFalse();
                assertThat(load.refusals()).as("answers other than 2xx before the kill").isEmpty();
                assertThat(load.acknowledged()).as("delegations acknowledged before the kill")
                        .hasSizeGreaterThanOrEqualTo(10);
                Optional<ProcessHandle> left = postmaster.running();
                assertThat(left).as("kill -9 of the JVM leaves its embedded PostgreSQL running").isPresent();
                orphan = left.get().pid();
            }

            long restart = System.nanoTime();
            try (JarProcess second = JarProcess.start("f2-second", JarProcess.appJar(), folder, args, Map.of())) {
                System.out.printf("F2: restarted on the same data in %d ms%n", millisSince(restart));
                assertThat(second.log()).as("the next start retires the orphaned postmaster")
                        .contains("Stopping an orphaned PostgreSQL postmaster (pid " + orphan + ")");
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();

                everyAcknowledgedWriteIsThere(new Api(second.port()), load, restart);
                theChainVerifies(new Api(second.port()), load);
                theBoardShowsEveryAcknowledgedDelegation(new Api(second.port()), load);
                assertThat(new Api(second.port()).as("desk").post("/api/delegations",
                        Requests.delegation(tag + " after restart")).status())
                        .as("it takes new writes").isEqualTo(201);

                assertThat(second.stop()).as("a graceful stop within the bound").isTrue();
                assertThat(postmaster.running()).as("a graceful stop stops its PostgreSQL too").isEmpty();
            }
        } finally {
            postmaster.stopIfRunning();
        }
        assertThat(postmaster.running()).as("no PostgreSQL left behind").isEmpty();
    }

    private static void everyAcknowledgedWriteIsThere(Api api, DelegationLoad load, long restart) {
        Api desk = api.as("desk");
        Api auditor = api.as("auditor");
        boolean firstRead = true;
        for (Map.Entry<String, Long> ack : load.acknowledged().entrySet()) {
            String path = "/api/delegations/" + ack.getKey() + "?minVersion=" + ack.getValue();
            // The dead process's claim on the projections' tokens expires first (10 s), then they catch up.
            Api.Response view = desk.getUntil(path, r -> r.status() == 200, Duration.ofSeconds(firstRead ? 90 : 10));
            if (firstRead) {
                System.out.printf("F2: the views answered the first acknowledged version %d ms after the restart%n",
                        millisSince(restart));
                firstRead = false;
            }
            assertThat(view.status()).as("view of %s at version %d: %s", ack.getKey(), ack.getValue(), view.body())
                    .isEqualTo(200);
            assertThat(view.json().get("version").asLong()).isGreaterThanOrEqualTo(ack.getValue());
            JsonNode events = auditor.get("/api/audit/events?limit=1000&aggregateId=" + ack.getKey())
                    .json().get("items");
            assertThat(events.size()).as("events of %s", ack.getKey())
                    .isGreaterThanOrEqualTo((int) (ack.getValue() + 1));
        }
    }

    private static void theChainVerifies(Api api, DelegationLoad load) {
        Api.Response verified = api.as("auditor").get("/api/audit/verify");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("ok").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.json().get("eventsChecked").asLong()).isGreaterThanOrEqualTo(load.acknowledgedEvents());
    }

    private static void theBoardShowsEveryAcknowledgedDelegation(Api api, DelegationLoad load) {
        Set<String> onBoard = new HashSet<>();
        String after = null;
        do {
            Api.Response page = api.as("desk").get("/api/delegations?limit=200&q=" + load.tag()
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").valueStream().forEach(item -> onBoard.add(item.get("id").asString()));
            JsonNode next = page.json().get("next");
            after = next == null || next.isNull() ? null : next.asString();
        } while (after != null);
        assertThat(onBoard).containsAll(load.acknowledged().keySet());
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
