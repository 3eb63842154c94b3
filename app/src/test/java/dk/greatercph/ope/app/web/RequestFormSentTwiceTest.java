package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A double click on the request form, or the browser sending it again, registered the delegation twice. */
@OpeIntegrationTest
class RequestFormSentTwiceTest {

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameFormSentTwiceRegistersOneDelegation() {
        PageSession desk = PageSession.signedIn(port, "desk");
        Matcher token = SUBMISSION.matcher(desk.get("/requests/new").body());
        assertThat(token.find()).as("the form carries a submission token").isTrue();
        String organisation = "Sent twice " + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("submission", token.group(1));
        form.put("channel", "EMBASSY");
        form.put("requestingOrganisation", organisation);
        form.put("country", "CN");
        form.put("originProvince", "Jiangsu");
        form.put("delegationType", "BUSINESS");
        form.put("politicalLevel", "NONE");
        form.put("headCount", "6");
        form.put("wishedFrom", "2027-05-03");
        form.put("wishedTo", "2027-05-07");
        form.put("themes", "TOURISM");
        form.put("businessOpportunity", "Hotel chains look for partners");

        CompletableFuture<PageSession.Page> second = CompletableFuture.supplyAsync(() -> desk.post("/requests/new", form));
        PageSession.Page first = desk.post("/requests/new", form);
        PageSession.Page third = desk.post("/requests/new", form);

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(second.join().header("Location")).isEqualTo(first.header("Location"));
        assertThat(third.header("Location")).isEqualTo(first.header("Location"));
        // in the event store, which every registration has reached before its answer
        assertThat(jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE '%.DelegationRegisteredEvent'"
                        + " AND position(:organisation IN convert_from(payload, 'UTF8')) > 0")
                .param("organisation", organisation).query(Long.class).single()).isEqualTo(1);
    }
}
