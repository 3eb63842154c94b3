package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Concurrent clients of the desk, each registering delegations and taking them through screening and routing
 * as fast as the answers come. Every 2xx is remembered with the version its {@code ETag} acknowledged, so a
 * test can check afterwards that each acknowledged write is still there. A client stops at its first
 * connection failure (the process it talks to was killed).
 */
final class DelegationLoad {

    private final String tag;
    private final IntFunction<Api> apiForRequest;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param tag           a word in every organisation's name, so the board can be searched for this load
     * @param apiForRequest the desk's API for the n-th request: one process, or several taken in turn
     */
    private DelegationLoad(String tag, IntFunction<Api> apiForRequest) {
        this.tag = tag;
        this.apiForRequest = apiForRequest;
    }

    static DelegationLoad start(String tag, int clientCount, IntFunction<Api> apiForRequest) {
        DelegationLoad load = new DelegationLoad(tag, apiForRequest);
        for (int client = 0; client < clientCount; client++) {
            int number = client;
            Thread thread = new Thread(() -> load.run(number), "fault-client-" + client);
            thread.setDaemon(true);
            load.clients.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(int client) {
        try {
            for (int round = 0; running; round++) {
                String id = register(client, round);
                if (id != null && running) {
                    command(id, "/screening", "{\"businessOpportunityAssessment\":\"Solid\"}");
                }
                if (id != null && running) {
                    command(id, "/routing", "{}");
                }
            }
        } catch (IllegalStateException connectionLost) {
            connectionFailures.incrementAndGet();
        }
    }

    private String register(int client, int round) {
        Api.Response created = send("/api/delegations",
                Requests.delegation(tag + " client " + client + " round " + round));
        if (created.status() != 201) {
            refusals.add("register " + created.status() + " " + created.body());
            return null;
        }
        String id = created.json().get("id").asString();
        acknowledge(id, created);
        return id;
    }

    private void command(String id, String path, String body) {
        Api.Response answer = send("/api/delegations/" + id + path, body);
        if (answer.status() / 100 == 2) {
            acknowledge(id, answer);
        } else {
            refusals.add(path + " " + answer.status() + " " + answer.body());
        }
    }

    private Api.Response send(String path, String body) {
        Api api = apiForRequest.apply(requests.getAndIncrement()).as("desk");
        inFlight.incrementAndGet();
        try {
            return api.post(path, body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void acknowledge(String id, Api.Response answer) {
        long version = Long.parseLong(answer.header("ETag").replace("\"", "").replace("W/", ""));
        acknowledged.merge(id, version, Math::max);
    }

    /** Waits until at least {@code delegations} delegations have an acknowledged write (bounded). */
    DelegationLoad awaitAcknowledged(int delegations, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (acknowledged.size() < delegations && System.nanoTime() < deadline && clientsAlive()) {
            Api.sleep(50);
        }
        return this;
    }

    /** Ends every client after its current request and waits for them (bounded). */
    void stop() {
        running = false;
        for (Thread client : clients) {
            try {
                client.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean clientsAlive() {
        return clients.stream().anyMatch(Thread::isAlive);
    }

    /** Delegation id to the highest version a 2xx acknowledged for it. */
    Map<String, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** The events the acknowledgements cover: version v of a delegation means its events 0 to v exist. */
    long acknowledgedEvents() {
        return acknowledged.values().stream().mapToLong(v -> v + 1).sum();
    }

    /** Answers that were not 2xx, with status and body. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    int inFlight() {
        return inFlight.get();
    }

    int requests() {
        return requests.get();
    }

    int connectionFailures() {
        return connectionFailures.get();
    }

    String tag() {
        return tag;
    }
}
