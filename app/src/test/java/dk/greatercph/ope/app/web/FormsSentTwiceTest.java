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

/**
 * A double click on a page form, or the browser sending it again, carried its change out twice: two delegations
 * registered, two venues of one name. Every posted form now carries a key of its own, which the page's call of the
 * API sends as its Idempotency-Key.
 */
@OpeIntegrationTest
class FormsSentTwiceTest {

    private static final Pattern KEY = Pattern.compile("name=\"_submission\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRequestFormSentTwiceRegistersOneDelegationAndOpensItBothTimes() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String organisation = "Sent twice " + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_submission", key(desk.get("/requests/new").body()));
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
        assertThat(recorded("DelegationRegisteredEvent", organisation)).isEqualTo(1);
    }

    @Test
    void theVenueFormSentTwiceRegistersOneVenueAndAFormRenderedAnewAnother() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String name = "Twice " + UUID.randomUUID();
        Map<String, String> form = Map.of("_submission", key(desk.get("/places").body()), "name", name,
                "capacity", "30", "kind", "OTHER");

        CompletableFuture<PageSession.Page> second = CompletableFuture.supplyAsync(() -> desk.post("/places/venues", form));
        PageSession.Page first = desk.post("/places/venues", form);

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(second.join().status()).isEqualTo(302);
        assertThat(recorded("VenueRegisteredEvent", name)).isEqualTo(1);

        // the list the registration went back to has a new form, with a key of its own
        PageSession.Page listed = desk.get("/places");
        String renderedAnew = key(listed.body());
        assertThat(renderedAnew).isNotEqualTo(form.get("_submission"));
        String other = "Twice again " + UUID.randomUUID();
        assertThat(desk.post("/places/venues", Map.of("_submission", renderedAnew, "name", other, "capacity", "30",
                "kind", "OTHER")).status()).isEqualTo(302);
        assertThat(recorded("VenueRegisteredEvent", other)).isEqualTo(1);
    }

    @Test
    void aRefusedFormCorrectedUnderTheSameKeyIsCarriedOut() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String key = key(desk.get("/places").body());
        String name = "Corrected " + UUID.randomUUID();
        PageSession.Page refused = desk.post("/places/venues", Map.of("_submission", key, "name", name,
                "capacity", "many", "kind", "OTHER"));
        assertThat(refused.status()).isEqualTo(400);

        PageSession.Page corrected = desk.post("/places/venues", Map.of("_submission", key, "name", name,
                "capacity", "12", "kind", "OTHER"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
        assertThat(recorded("VenueRegisteredEvent", name)).isEqualTo(1);
    }

    private static String key(String html) {
        Matcher key = KEY.matcher(html);
        assertThat(key.find()).as("a posted form carries its key").isTrue();
        return key.group(1);
    }

    /** Counted in the event store, which every change has reached before its answer. */
    private long recorded(String event, String marker) {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE :type"
                        + " AND position(:marker IN convert_from(payload, 'UTF8')) > 0")
                .param("type", "%." + event).param("marker", marker).query(Long.class).single();
    }
}
