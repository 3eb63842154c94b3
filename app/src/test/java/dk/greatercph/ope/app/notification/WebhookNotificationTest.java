package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.greatercph.ope.app.notification.Notifications.until;
import static dk.greatercph.ope.app.notification.Notifications.verifies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as a receiver meets them, with a real HTTP server in the test JVM: Standard Webhooks signatures that
 * verify with the subscription's secret, retries with the same id, a receiver down for the whole retry window that
 * ends as a dead letter and a retry that delivers it, secret rotation, and the URLs refused against SSRF.
 */
@OpeIntegrationTest
class WebhookNotificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    Notifications notifications;
    Api admin;

    @BeforeEach
    void setUp() {
        notifications = new Notifications(new Api(port));
        admin = new Api(port).as("admin");
    }

    @Test
    void aDeliveryIsSignedWithTheSecretAndRetriedAfterServerErrorsWithTheSameId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> n <= 2 ? 500 : 204)) {
            String operator = notifications.operator();
            String secret = notifications.webhook(operator, receiver.url())[1];
            String organisation = "Hangzhou Hook " + UUID.randomUUID();

            String delegation = notifications.routedTo(operator, organisation);

            List<WebhookReceiver.Received> calls = until(() -> receiver.about(delegation), l -> l.size() >= 3, WAIT);
            assertThat(calls).hasSize(3);
            assertThat(calls).extracting(WebhookReceiver.Received::id).containsOnly(calls.get(0).id());
            assertThat(calls.get(0).id()).startsWith("msg_");
            for (WebhookReceiver.Received call : calls) {
                assertThat(verifies(call.signature(), secret, call.id(), call.timestamp(), call.body()))
                        .as(call.signature()).isTrue();
                assertThat(verifies(call.signature(), secret, call.id(), call.timestamp(), call.body() + " "))
                        .isFalse();
            }
            JsonNode body = JSON.readTree(calls.get(2).body());
            assertThat(body.get("type").asString()).isEqualTo("assignment.offered");
            assertThat(body.get("data").get("delegationId").asString()).isEqualTo(delegation);
            assertThat(body.get("data").get("organisation").asString()).isEqualTo(organisation);
            assertThat(body.get("data").get("operatorId").asString()).isEqualTo(operator);
            assertThat(body.get("data").get("role").asString()).isEqualTo("LEAD");
            JsonNode row = until(() -> notifications.outbox(delegation).path(0),
                    r -> r.path("status").asString("").equals("SENT"), WAIT);
            assertThat(row.get("status").asString()).isEqualTo("SENT");
            assertThat(row.get("attempts").asInt()).isEqualTo(3);
            assertThat(row.get("id").asString()).isEqualTo(calls.get(0).id());
        }
    }

    @Test
    void aReceiverDownForTheWholeWindowEndsAsADeadLetterThatARetryDelivers() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 503)) {
            String operator = notifications.operator();
            notifications.webhook(operator, receiver.url());
            String delegation = notifications.routedTo(operator, "Ningbo Down " + UUID.randomUUID());

            JsonNode failed = until(() -> notifications.outbox(delegation).path(0),
                    r -> r.path("status").asString("").equals("FAILED"), WAIT);
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("lastError").asString()).contains("HTTP 503");
            String id = failed.get("id").asString();
            int attempts = receiver.about(delegation).size();
            assertThat(attempts).isGreaterThan(2).isEqualTo(failed.get("attempts").asInt());

            JsonNode letters = admin.get("/api/admin/dead-letters?projection=notification-webhooks&limit=500").json();
            assertThat(letters.get("items").valueStream().map(l -> l.get("id").asString())).contains(id);
            assertThat(admin.get("/api/admin/dead-letters?limit=500").body()).contains(id);
            JsonNode letter = admin.get("/api/admin/dead-letters/" + id).json();
            assertThat(letter.get("letter").get("projection").asString()).isEqualTo("notification-webhooks");
            assertThat(letter.get("letter").get("cause").get("message").asString()).contains("HTTP 503");

            receiver.answer(n -> 200);
            Api.Response retried = admin.post("/api/admin/dead-letters/" + id + "/retry", "");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);

            List<WebhookReceiver.Received> calls = until(() -> receiver.about(delegation), l -> l.size() > attempts, WAIT);
            assertThat(calls).extracting(WebhookReceiver.Received::id).containsOnly(id);
            assertThat(until(() -> notifications.outbox(delegation).path(0),
                    r -> r.path("status").asString("").equals("SENT"), WAIT).get("status").asString()).isEqualTo("SENT");
            assertThat(admin.get("/api/admin/dead-letters?projection=notification-webhooks&limit=500").body())
                    .doesNotContain(id);
        }
    }

    @Test
    void aReceiverThatRefusesTheConnectionIsNamedInTheOutboxWithWhatHappened() {
        String url;
        try (WebhookReceiver gone = WebhookReceiver.answering(n -> 204)) {
            url = gone.url();
        }
        String operator = notifications.operator();
        notifications.webhook(operator, url);
        String delegation = notifications.routedTo(operator, "Wuxi Closed " + UUID.randomUUID());

        JsonNode row = until(() -> notifications.outbox(delegation).path(0),
                r -> !r.path("lastError").asString("").isEmpty(), WAIT);
        URI receiver = URI.create(url);
        // Java's HTTP client gives no message for a refused connection; this read "ConnectException: null"
        assertThat(row.get("lastError").asString())
                .isEqualTo("could not connect to " + receiver.getHost() + ":" + receiver.getPort());
    }

    /**
     * Removing a webhook made each of its pending deliveries an error in the log and a dead letter ("no secret any
     * more"), seventeen for one removal. They are dropped: nobody is left to deliver to, and nothing failed.
     */
    @Test
    void deliveriesPendingForARemovedWebhookAreDroppedNotDeadLetters() {
        try (WebhookReceiver failing = WebhookReceiver.answering(n -> 503)) {
            String operator = notifications.operator();
            String webhook = notifications.webhook(operator, failing.url())[0];
            String delegation = notifications.routedTo(operator, "Wuxi Removed " + UUID.randomUUID());
            until(() -> notifications.outbox(delegation).path(0), r -> !r.path("lastError").asString("").isEmpty(),
                    WAIT);

            Api.Response removed = notifications.desk().send(java.net.http.HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/api/notification-settings/" + operator + "/webhooks/" + webhook))
                    .DELETE(), java.util.Map.of());
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);

            JsonNode row = until(() -> notifications.outbox(delegation).path(0),
                    r -> !r.path("status").asString("").equals("PENDING"), Duration.ofSeconds(60));
            assertThat(row.get("status").asString()).as(row.toString()).isEqualTo("DROPPED");
            assertThat(admin.get("/api/admin/notifications?status=DROPPED&delegation=" + delegation).json()
                    .get("items").size()).isEqualTo(1);
            assertThat(admin.get("/api/admin/dead-letters?limit=500").body())
                    .doesNotContain(row.get("id").asString());
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheOverlap() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 200)) {
            String operator = notifications.operator();
            String[] webhook = notifications.webhook(operator, receiver.url());
            Api.Response rotated = notifications.desk().post("/api/notification-settings/" + operator + "/webhooks/"
                    + webhook[0] + "/secret-rotation", "");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newSecret = rotated.json().get("secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(webhook[1]);
            assertThat(rotated.json().get("secretVersion").asInt()).isEqualTo(2);
            notifications.desk().getUntil("/api/notification-settings/" + operator,
                    r -> r.body().contains("\"secretVersion\":2"), WAIT);

            String delegation = notifications.routedTo(operator, "Xiamen Rotation " + UUID.randomUUID());

            WebhookReceiver.Received call = until(() -> receiver.about(delegation), l -> !l.isEmpty(), WAIT).get(0);
            assertThat(call.signature().split(" ")).hasSize(2);
            assertThat(verifies(call.signature(), newSecret, call.id(), call.timestamp(), call.body())).isTrue();
            assertThat(verifies(call.signature(), webhook[1], call.id(), call.timestamp(), call.body())).isTrue();
            assertThat(notifications.desk().get("/api/notification-settings/" + operator).body())
                    .doesNotContain(newSecret).doesNotContain(webhook[1]);
        }
    }

    @Test
    void urlsThatReachInternalAddressesOrAreNoHttpUrlsAreRefusedNamingTheField() {
        String operator = notifications.operator();
        assertRefused(operator, "http://10.0.0.7/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://169.254.169.254/latest/meta-data", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://192.168.1.10/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://127.0.0.2:8080/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://[::1]:8080/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "https://8.8.8.8:99999/hook", "WEBHOOK_URL_INVALID");
        assertRefused(operator, "http://[fd00::1]/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://224.0.0.1/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://0.0.0.0/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertRefused(operator, "http://[::ffff:10.0.0.1]/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        // the ranges IANA lists as not globally reachable: Teredo hides 127.0.0.1 in this one
        for (String address : java.util.List.of("[2001:0:4136:e378:8000:63bf:80ff:fffe]", "[2001:2::1]",
                "[2001:10::1]", "[2001:20::1]", "[100::1]", "[3fff::1]", "[5f00::1]", "192.88.99.1")) {
            assertRefused(operator, "http://" + address + "/hook", "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        }
        assertRefused(operator, "ftp://example.com/hook", "WEBHOOK_URL_INVALID");
        assertRefused(operator, "http://user:secret@127.0.0.1/hook", "WEBHOOK_URL_INVALID");
        assertRefused(operator, "/relative/hook", "WEBHOOK_URL_INVALID");
        assertRefused(operator, "http://no-such-host.invalid/hook", "WEBHOOK_URL_UNRESOLVABLE");
        assertThat(notifications.desk().get("/api/notification-settings/" + operator).json().get("webhooks").size())
                .isZero();
    }

    private void assertRefused(String operator, String url, String code) {
        Api.Response refused = notifications.desk().post("/api/notification-settings/" + operator + "/webhooks",
                "{\"url\":\"" + url + "\"}");
        assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).as(url).isEqualTo(code);
        assertThat(refused.json().get("detail").asString()).as(url).contains("'url'");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
    }
}
