package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipients and webhooks as events through the API: an operator manages only its own, the desk any; refusals name
 * their code; secrets never reach the event log or a view. The outbox's administration refuses what it cannot do.
 */
@OpeIntegrationTest
class NotificationSettingsTest {

    @LocalServerPort
    int port;

    Notifications notifications;

    @BeforeEach
    void setUp() {
        notifications = new Notifications(new Api(port));
    }

    @Test
    void anOperatorManagesItsOwnRecipientsAndNobodyElsesAndEachChangeIsAnEvent() {
        Api chc = new Api(port).as("chc");
        String address = Notifications.address("chc-team");
        Api.Response added = chc.post("/api/notification-settings/chc/recipients",
                "{\"address\":\"" + address.toUpperCase() + "\",\"language\":\"da\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        assertThat(added.header("Location")).isEqualTo("/api/notification-settings/chc/recipients/" + id);
        try {
            notifications.awaitSettings("chc", id);
            assertThat(chc.get("/api/notification-settings/chc").body()).contains(address);

            assertCode(chc.post("/api/notification-settings/chc/recipients",
                    "{\"address\":\"" + address + "\",\"language\":\"en\"}"), 409, "RECIPIENT_EXISTS");
            assertCode(chc.post("/api/notification-settings/clean/recipients",
                    "{\"address\":\"x@ops.example\",\"language\":\"en\"}"), 404, "NOTIFICATION_OWNER_NOT_FOUND");
            assertCode(chc.get("/api/notification-settings/clean"), 404, "NOTIFICATION_OWNER_NOT_FOUND");
            assertCode(chc.get("/api/notification-settings/desk"), 404, "NOTIFICATION_OWNER_NOT_FOUND");
            assertCode(notifications.desk().get("/api/notification-settings/nobody-here"), 404,
                    "NOTIFICATION_OWNER_NOT_FOUND");
            assertCode(delete(chc, "/api/notification-settings/chc/recipients/RCP-unknown"), 404, "RECIPIENT_NOT_FOUND");
            assertThat(new Api(port).as("auditor").get("/api/notification-settings/chc").body()).contains(id);

            assertThat(new Api(port).as("auditor").getUntil("/api/audit/events?aggregateId=notifications-chc&limit=1000",
                    r -> r.body().contains(id), Duration.ofSeconds(10)).body())
                    .contains("NotificationRecipientAddedEvent", id);
        } finally {
            assertThat(delete(chc, "/api/notification-settings/chc/recipients/" + id).status()).isEqualTo(200);
        }
        assertThat(chc.getUntil("/api/notification-settings/chc", r -> !r.body().contains(id), Duration.ofSeconds(10))
                .body()).doesNotContain(id);
    }

    @Test
    void badRecipientsAreRefusedNamingTheField() {
        String operator = notifications.operator();
        Api.Response badAddress = notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                "{\"address\":\"not an address\",\"language\":\"da\"}");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("address");
        // a dot at the start or end of the local part, or two in a row, makes no mailbox (dot-atom)
        for (String address : List.of(".x1@example.com", "a..b@example.com", "a.@example.com")) {
            Api.Response refused = notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                    "{\"address\":\"" + address + "\",\"language\":\"da\"}");
            assertThat(refused.status()).as(address).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("address");
        }
        assertThat(notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                "{\"address\":\"o'brien.team+ope@ops.example\",\"language\":\"en\"}").status()).isEqualTo(201);
        Api.Response badLanguage = notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                "{\"address\":\"team@ops.example\",\"language\":\"de\"}");
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("language");
        Api.Response unknownField = notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                "{\"address\":\"team@ops.example\",\"language\":\"da\",\"secret\":\"x\"}");
        assertCode(unknownField, 400, "UNKNOWN_FIELD");
    }

    @Test
    void aWebhookSecretIsShownOnceAndNeverRecordedInTheEventLog() {
        String operator = notifications.operator();
        String[] webhook = notifications.webhook(operator, "http://127.0.0.1:9/never-called");
        String export = new Api(port).as("auditor").getUntil(
                "/api/audit/events?aggregateId=notifications-" + operator + "&limit=1000",
                r -> r.body().contains(webhook[0]), Duration.ofSeconds(10)).body();
        assertThat(export).contains("WebhookSubscribedEvent").doesNotContain(webhook[1])
                .doesNotContain(webhook[1].substring("whsec_".length()));
        assertThat(notifications.desk().get("/api/notification-settings/" + operator).body())
                .doesNotContain(webhook[1].substring("whsec_".length()));
        assertCode(notifications.desk().post("/api/notification-settings/" + operator + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/never-called\"}"), 409, "WEBHOOK_EXISTS");
        assertThat(delete(notifications.desk(), "/api/notification-settings/" + operator + "/webhooks/" + webhook[0])
                .status()).isEqualTo(200);
        assertCode(notifications.desk().post("/api/notification-settings/" + operator + "/webhooks/" + webhook[0]
                + "/secret-rotation", ""), 404, "WEBHOOK_NOT_FOUND");
    }

    @Test
    void theOutboxAdministrationRefusesWhatItCannotDo() {
        Api admin = new Api(port).as("admin");
        assertCode(admin.get("/api/admin/notifications?status=LOST"), 400, "INVALID_NOTIFICATION_STATUS");
        Api.Response channel = admin.get("/api/admin/notifications?channel=SMS");
        assertCode(channel, 400, "INVALID_PARAMETER");
        assertThat(channel.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(admin.get("/api/admin/notifications?channel=WEBHOOK").status()).isEqualTo(200);
        assertCode(admin.get("/api/admin/notifications/msg_none"), 404, "NOTIFICATION_NOT_FOUND");
        assertCode(admin.post("/api/admin/notifications/msg_none/retry", ""), 404, "NOTIFICATION_NOT_FOUND");

        String operator = notifications.operator();
        String address = Notifications.address("admin-view");
        notifications.recipient(operator, address, "en");
        String delegation = notifications.routedTo(operator, "Changzhou Outbox");
        Notifications.mails(address, 1);
        var row = Notifications.until(() -> notifications.outbox(delegation).path(0),
                r -> r.path("status").asString("").equals("SENT"), Duration.ofSeconds(20));
        assertThat(row.get("status").asString()).isEqualTo("SENT");
        var detail = admin.get("/api/admin/notifications/" + row.get("id").asString()).json();
        assertThat(detail.get("text").asString()).contains("Changzhou Outbox", delegation);
        assertCode(admin.post("/api/admin/notifications/" + row.get("id").asString() + "/retry", ""), 409,
                "NOTIFICATION_NOT_RETRYABLE");
        assertThat(admin.get("/api/admin/notifications?status=SENT&owner=" + operator).json().get("total").asLong())
                .isEqualTo(1);
    }

    private Api.Response delete(Api api, String path) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE(), Map.of());
    }

    private static void assertCode(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
