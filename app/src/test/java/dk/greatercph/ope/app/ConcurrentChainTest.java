package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent commands are indexed and linked one at a time: each takes the append lock as its transaction commits and
 * holds it until the commit ends, so the hash chain stays whole. This failed while Axon ran without the application's transactions.
 */
@OpeIntegrationTest
class ConcurrentChainTest {

    @LocalServerPort
    int port;

    @Test
    void concurrentRegistrationsKeepTheChainWhole() {
        Api desk = new Api(port).as("desk");
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = Requests.delegation("Concurrent chain " + i);
            requests.add(CompletableFuture.supplyAsync(() -> desk.post("/api/delegations", body).status()));
        }
        requests.forEach(request -> assertThat(request.join()).isEqualTo(201));

        JsonNode verification = desk.as("auditor").get("/api/audit/verify").json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
    }
}
